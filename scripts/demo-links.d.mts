import type MarkdownIt from 'markdown-it';
export declare function demoLinks(md: MarkdownIt): void;
