// marked-terminal ships no types; this declares the part katarun uses.
declare module 'marked-terminal' {
  import type {MarkedExtension} from 'marked';

  type Style = (text: string) => string;

  export interface MarkedTerminalOptions {
    code?: Style;
    blockquote?: Style;
    html?: Style;
    heading?: Style;
    firstHeading?: Style;
    hr?: Style;
    listitem?: Style;
    table?: Style;
    paragraph?: Style;
    strong?: Style;
    em?: Style;
    codespan?: Style;
    del?: Style;
    link?: Style;
    href?: Style;
    text?: Style;
    /** Replace how an image is shown: receives href, title and alt text. */
    image?: (href: string, title: string | null, text: string) => string;
    unescape?: boolean;
    emoji?: boolean;
    width?: number;
    showSectionPrefix?: boolean;
    reflowText?: boolean;
    tab?: number | string;
    tableOptions?: Record<string, unknown>;
  }

  export function markedTerminal(options?: MarkedTerminalOptions, highlightOptions?: Record<string, unknown>): MarkedExtension;
  const Renderer: unknown;
  export default Renderer;
}
