export { unfollow as default } from './follow.ts';
