#!/usr/bin/env node
// Runs the TypeScript CLI straight from source: tsx registers the loader, no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
