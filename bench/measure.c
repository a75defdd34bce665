/* measure: runs a command once and prints what it cost.
 *
 *   measure COMMAND [ARG...]
 *
 * Prints one line to stderr: "measure: wall_ms=W cpu_ms=C rss_kb=R status=S", where W is the
 * wall time from CLOCK_MONOTONIC around fork and wait, C the child's user plus system time and
 * R its peak resident set (both from wait4's rusage, which covers the child and the children it
 * waited for). The command's output goes to /dev/null. Exit status: the command's (128 + signal
 * when killed), or 127 when it cannot be started. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

static double
tv_ms (struct timeval tv)
{
  return (double) tv.tv_sec * 1e3 + (double) tv.tv_usec / 1e3;
}

int
main (int argc, char **argv)
{
  if (argc < 2) {
    fprintf (stderr, "usage: measure COMMAND [ARG...]\n");
    return 127;
  }
  double t0 = now_ms ();
  pid_t pid = fork ();
  if (pid < 0) {
    perror ("measure: fork");
    return 127;
  }
  if (pid == 0) {
    int null = open ("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2 (null, 1);
      dup2 (null, 2);
      close (null);
    }
    execvp (argv[1], argv + 1);
    _exit (127);
  }
  int status = 0;
  struct rusage ru;
  if (wait4 (pid, &status, 0, &ru) != pid) {
    perror ("measure: wait4");
    return 127;
  }
  double wall = now_ms () - t0;
  int rc = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  fprintf (stderr, "measure: wall_ms=%.3f cpu_ms=%.3f rss_kb=%ld status=%d\n", wall,
           tv_ms (ru.ru_utime) + tv_ms (ru.ru_stime), ru.ru_maxrss, rc);
  return rc;
}
