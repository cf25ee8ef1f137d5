// Place names in narrow columns: Chromium breaks a line after any hyphen, so a narrow column printed
// « Indre-et- » on one line and « Loire) » on the next.
import { Fragment } from 'react';

const HYPHENATED = /(\S*-\S*)/;

/** The text, its hyphenated words (« Indre-et-Loire », « Loir-et-Cher) ») each kept on one line: lines break at spaces only. */
export function Unbroken({ text }: { text: string }) {
  return (
    <>
      {text.split(HYPHENATED).map((part, index) =>
        index % 2 === 1 ? (
          <span key={index} style={{ whiteSpace: 'nowrap' }}>
            {part}
          </span>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
