#!/usr/bin/env node
// The `newsdesk` command. Sources are TypeScript run through tsx, so a clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/entrypoints/cli/main.ts');
