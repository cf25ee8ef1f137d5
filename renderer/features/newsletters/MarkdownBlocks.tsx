// The lettre's small Markdown as React, from the AST db/newsletters/markdown.ts parses: the
// same blocks the e-mail writes as HTML. Links are opened by main (main/links.ts), outside.
import type { Block, Inline } from '../../../preload/contract';
import { call } from '../../api';

function Marks({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((mark, index) => {
        if (mark.kind === 'text') return <span key={index}>{mark.text}</span>;
        if (mark.kind === 'break') return <br key={index} />;
        if (mark.kind === 'bold')
          return (
            <strong key={index}>
              <Marks content={mark.children} />
            </strong>
          );
        return (
          <a
            key={index}
            href={mark.href}
            onClick={(event) => {
              event.preventDefault();
              void call('openLink', mark.href);
            }}
          >
            <Marks content={mark.children} />
          </a>
        );
      })}
    </>
  );
}

export function MarkdownBlocks({ blocks, className }: { blocks: Block[]; className?: string }) {
  return (
    <div className={className}>
      {blocks.map((block, index) => {
        if (block.kind === 'heading') {
          const Heading = block.level === 2 ? 'h3' : 'h4';
          return (
            <Heading key={index}>
              <Marks content={block.content} />
            </Heading>
          );
        }
        if (block.kind === 'list')
          return (
            <ul key={index}>
              {block.items.map((item, at) => (
                <li key={at}>
                  <Marks content={item} />
                </li>
              ))}
            </ul>
          );
        return (
          <p key={index}>
            <Marks content={block.content} />
          </p>
        );
      })}
    </div>
  );
}
