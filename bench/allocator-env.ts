/**
 * The allocator settings `npm start` runs the bot with (package.json, README "Operating"): every malloc
 * block of 128 KB or more gets its own mapping, returned when freed, and malloc asks for transparent huge
 * pages for its mappings. glibc reads them when a process starts, so every bot or phase the bench starts
 * is given them in its environment.
 */
export const ALLOCATOR_ENV = { MALLOC_MMAP_THRESHOLD_: '131072', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' };
