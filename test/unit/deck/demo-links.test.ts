import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { demoLinks } from '../../../scripts/demo-links.mjs';

function render(markdown: string): string {
  const marp = new Marp({ html: true });
  marp.markdown.use(demoLinks);
  return marp.render(markdown).html;
}

describe('links to #demo:<name>', () => {
  it('point at the first slide holding that panel, also from a table cell', () => {
    const html = render(
      ['# Intro', '', '[see it](#demo:race)', '', '---', '', '# Text', '', '---', '', '<div data-demo="race"></div>', '', '---', '', '| row | x |', '|---|---|', '| [Broker](#demo:race) | y |'].join('\n'),
    );
    expect(html.match(/href="[^"]*"/g)).toEqual(['href="#3"', 'href="#3"']);
  });

  it('with a lane, point at the first slide whose panel shows that lane', () => {
    const html = render(
      [
        '<div data-demo="race" data-lanes="memory,bullmq,rabbitmq"></div>',
        '---',
        '<div data-demo="race" data-lanes="celery, dramatiq,rabbitmq"></div>',
        '---',
        '<div data-demo="queue" data-lane="celery"></div>',
        '---',
        '[brokers](#demo:race/rabbitmq) [frameworks](#demo:race/dramatiq) [queue](#demo:queue/celery)',
      ].join('\n\n'),
    );
    expect(html.match(/href="[^"]*"/g)).toEqual(['href="#1"', 'href="#2"', 'href="#3"']);
  });

  it('stop the build when no panel of that demo shows the lane', () => {
    expect(() => render('<div data-demo="race" data-lanes="memory,bullmq"></div>\n\n[x](#demo:race/celery)')).toThrow(
      'Link to #demo:race/celery, but no slide holds <div data-demo="race"> showing lane celery. Demos on slides: race/memory,bullmq.',
    );
  });

  it('leave other links alone', () => {
    expect(render('[docs](https://dramatiq.io/) [top](#1)')).toContain('href="#1"');
  });

  it('stop the build when no slide holds the demo, naming the ones that exist', () => {
    expect(() => render('<div data-demo="race"></div>\n\n[x](#demo:chaining)')).toThrow(
      'Link to #demo:chaining, but no slide holds <div data-demo="chaining">. Demos on slides: race.',
    );
  });
});
