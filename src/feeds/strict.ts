import { XMLValidator } from 'fast-xml-parser';

export interface XmlProblem {
  /** 1-based line of the first well-formedness error. */
  line: number;
  /** The validator's own message. */
  message: string;
}

/**
 * Checks well-formedness with fast-xml-parser's validator (the parser library feedsmith uses), so
 * the error message is the library's. It reports tags left open at the end of the document at
 * line 1; such a document is truncated, so the error is put where it stops.
 */
export function findXmlError(text: string): XmlProblem | null {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result === true) return null;
  const { msg, line, code } = result.err;
  const unclosed = code === 'InvalidXml' && /^Invalid '\[/.test(msg);
  return {
    line: unclosed ? lineCount(text) : line,
    message: unclosed ? `unclosed tags at the end of the document: ${msg.replace(/\s+/g, ' ')}` : msg,
  };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  // A trailing newline does not start a line anyone can see.
  return text.endsWith('\n') ? n - 1 : n;
}
