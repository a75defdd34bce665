#include <inkset/inkset.h>
#include <stdio.h>
int main (void) { printf ("inkset %s\n", ink_version_string ()); return 0; }
