// glibc's malloc tuning, which Swift's Glibc module does not bring in (it lives in malloc.h).
#ifndef FACTSH_CMALLOC_SHIM_H
#define FACTSH_CMALLOC_SHIM_H

#include <stdlib.h>

#ifdef __GLIBC__
#include <malloc.h>

// Blocks of `bytes` and more get pages of their own, returned to the system when freed.
static inline void factsh_map_blocks_from(int bytes) { mallopt(M_MMAP_THRESHOLD, bytes); }
#else
static inline void factsh_map_blocks_from(int bytes) { (void)bytes; }
#endif

#endif
