// Second build thread entry when running from source: register tsx's loader before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./half-build-thread.ts');
