export { follows as default } from './follow.ts';
