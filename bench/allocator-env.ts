/**
 * The allocator setting `npm start` runs the bot with (package.json, README "Operating"): every malloc
 * block of 128 KB or more gets its own mapping, returned when freed. glibc reads it when a process starts,
 * so every bot or phase the bench starts is given it in its environment.
 */
export const ALLOCATOR_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };
