/**
 * Pages that React renders on the server and streams (most Next.js pages) send part of their
 * text after the rest of the page: each late part comes as a hidden segment at the end of the
 * body (`<div hidden id="S:2">`) and a script that moves it into its place at once, over a
 * placeholder (`<template id="P:2">`) or over a loading fallback (`<!--$?--><template
 * id="B:1"></template>Loading...<!--/$-->`). A reader sees the text where the script puts it,
 * and the fallback never: the page is read so.
 */
import { attr, hasNoAttributes, moveChildren, orderOf, removeNode, removeNodes, textOf, type AnyNode, type Element } from './dom.ts';

/** More moves than this are not a page React streamed but one made to take the extractor's time. */
export const MAX_MOVES = 1000;
const STREAM_ID = /^[BPS]:[0-9a-f]+$/;
/** The calls of React's inline scripts: $RS(segment, placeholder) and $RC(boundary, segment). */
const CALL = /\$R([CS])\("([BPS]:[0-9a-f]+)","([BPS]:[0-9a-f]+)"/g;

interface Move {
  /** 'placeholder': the segment replaces a template; 'boundary': it replaces a fallback. */
  kind: 'placeholder' | 'boundary';
  target: string;
  segment: string;
}

/**
 * Puts every streamed segment where the page's scripts would, before the page is read. `all` is
 * `elementsIn(doc)`; returns whether anything moved (the caller's list is then out of date).
 */
export function placeStreamedSegments(all: Element[]): boolean {
  let moved = false;
  const byId = new Map<string, Element>();
  for (const el of all) {
    if (hasNoAttributes(el)) continue;
    const id = el.attribs.id;
    // Most ids are not "X:n": the regular expression runs on the few that may be.
    if (id !== undefined && id.charCodeAt(1) === 58 && STREAM_ID.test(id) && !byId.has(id)) byId.set(id, el);
  }
  if (![...byId.keys()].some((id) => id.startsWith('S:'))) return false;
  // Real pages stream tens of segments; each move costs a scan of its parent's children.
  for (const move of movesOf(all, byId).slice(0, MAX_MOVES)) {
    const segment = byId.get(move.segment);
    const target = byId.get(move.target);
    // A segment is always sent after the place it fills; anything else is not React's stream.
    if (!segment || !target || !isSegment(segment) || !segment.parent || !target.parent || orderOf(segment) < orderOf(target)) continue;
    const parent = target.parent;
    const before = move.kind === 'placeholder' ? target.next : clearFallback(target);
    removeNode(target);
    moveChildren(segment, parent, before);
    removeNode(segment);
    moved = true;
  }
  return moved;
}

function isSegment(el: Element): boolean {
  return el.name === 'div' && 'hidden' in el.attribs && attr(el, 'id').startsWith('S:');
}

/**
 * The moves the page's scripts make, in their order. A page saved without its scripts: each
 * segment goes to the placeholder, else the boundary, of its own number (React numbers a
 * placeholder as its segment, and on such pages the boundaries alike).
 */
function movesOf(all: Element[], byId: Map<string, Element>): Move[] {
  const moves: Move[] = [];
  for (const el of all) {
    if (el.name !== 'script') continue;
    const code = textOf(el);
    if (!code.includes('$R')) continue;
    for (const m of code.matchAll(CALL)) {
      if (m[1] === 'S') moves.push({ kind: 'placeholder', target: m[3], segment: m[2] });
      else moves.push({ kind: 'boundary', target: m[2], segment: m[3] });
    }
  }
  if (moves.length > 0) return moves;
  for (const id of byId.keys()) {
    if (!id.startsWith('S:')) continue;
    const n = id.slice(2);
    if (byId.has(`P:${n}`)) moves.push({ kind: 'placeholder', target: `P:${n}`, segment: id });
    else if (byId.has(`B:${n}`)) moves.push({ kind: 'boundary', target: `B:${n}`, segment: id });
  }
  return moves;
}

/**
 * Removes a boundary's fallback, the nodes after its template up to the boundary's closing
 * `<!--/$-->` (nested boundaries counted), and returns that comment: the segment goes before it.
 * A page saved without its comments keeps its fallback (where it ends is not known), and the
 * segment goes right after the template.
 */
function clearFallback(template: Element): AnyNode | null {
  let depth = 0;
  let end: AnyNode | null = null;
  for (let node = template.next; node && !end; node = node.next) {
    if (node.type !== 'comment') continue;
    const data = (node as AnyNode & { data: string }).data;
    if (data === '/$' && depth === 0) end = node;
    else if (data === '/$') depth--;
    else if (data === '$' || data === '$?' || data === '$!') depth++;
  }
  if (!end) return template.next;
  const fallback: AnyNode[] = [];
  for (let node = template.next; node && node !== end; node = node.next) fallback.push(node);
  removeNodes(fallback);
  return end;
}
