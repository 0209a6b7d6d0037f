// Entry of an extraction thread: worker threads do not inherit the tsx loader, so register it here.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
