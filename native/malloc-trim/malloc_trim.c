// trim(): gives back the free pages inside glibc malloc's heaps (malloc_trim(0): free alone gives back
// only the free top of a heap), and first keeps the main (brk) heap out of transparent huge pages. With
// GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (`npm start`) glibc asks for huge pages for that heap too, and
// khugepaged (max_ptes_none 511) makes any 2 MB of it with one page in use whole again within seconds:
// the bot's brk heap went 19 -> 8 MB when trimmed and back to 19 MB 5 s later. Node-API, so one build
// loads on every Node version. Elsewhere than glibc on Linux it does nothing and says so (false).
#include <node_api.h>
#include <stdbool.h>
#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define MOST_HEAP_RANGES 64

static void keep_brk_heap_in_small_pages(void) {
  unsigned long starts[MOST_HEAP_RANGES], ends[MOST_HEAP_RANGES];
  int ranges = 0;
  FILE *maps = fopen("/proc/self/maps", "r");
  if (maps == NULL) return;
  char line[512];
  // Listed first, advised after: advice splits and merges the mappings being read.
  while (ranges < MOST_HEAP_RANGES && fgets(line, sizeof line, maps) != NULL)
    if (strstr(line, "[heap]") != NULL && sscanf(line, "%lx-%lx", &starts[ranges], &ends[ranges]) == 2) ranges += 1;
  fclose(maps);
  for (int i = 0; i < ranges; i += 1) madvise((void *)starts[i], ends[i] - starts[i], MADV_NOHUGEPAGE);
}
#endif

static napi_value Trim(napi_env env, napi_callback_info info) {
  (void)info;
  bool released = false;
#if defined(__GLIBC__) && defined(__linux__)
  keep_brk_heap_in_small_pages();
  released = malloc_trim(0) == 1;
#endif
  napi_value result;
  napi_get_boolean(env, released, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value trim;
  napi_create_function(env, "trim", NAPI_AUTO_LENGTH, Trim, NULL, &trim);
  napi_set_named_property(env, exports, "trim", trim);
  return exports;
}
