/** Whether trimMalloc can give memory back here (the addon built and loaded). */
export declare const canTrimMalloc: boolean;
/** malloc_trim(0): free pages inside malloc's heaps back to the system. True when some were given back. */
export declare function trimMalloc(): boolean;
