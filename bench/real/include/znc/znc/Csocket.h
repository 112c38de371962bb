/* Stand-in for the copy of Csocket.h that ZNC's build places in include/znc/. */
#include <Csocket.h>
