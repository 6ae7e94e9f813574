import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Database } from '../../src/db/database';
import { dataOf, startTestApi, TestApi } from '../support/api';
import { resetToSeed } from '../support/neo4j';
import { launchBrowser, newPage, screenshot, seriousViolations } from './browser';

/** Reelgraph Explorer in headless Chromium, served by the API itself, on the seed graph. */
let api: TestApi;
let browser: Browser;
let page: Page;
let origin: string;

beforeAll(async () => {
  // npm test builds it first; a bare `npx jest` on a fresh clone would otherwise fail far from the cause.
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'web', 'dist', 'index.html'))) throw new Error('The Explorer is not built: run `npm run build:web` (npm test does)');
  api = await startTestApi();
  await resetToSeed(api.db);
  origin = new URL(api.app.url).origin;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});
beforeEach(async () => {
  page = await newPage(browser, origin);
});
afterEach(async () => {
  await page.context().close();
});

async function expectAccessible(p: Page = page): Promise<void> {
  expect(await seriousViolations(p)).toEqual([]);
}

describe('search', () => {
  it('finds Bill Skarsgård typed without the ring, opens his page, and back returns to the results', async () => {
    await page.goto('/');
    await page.getByLabel('Film, person, franchise, character or genre').fill('skarsgard');
    const hit = page.getByRole('link', { name: 'Bill Skarsgård' });
    await hit.waitFor();
    await expect(page.locator('.results li').first().textContent()).resolves.toContain('Bill Skarsgård');
    await expectAccessible();
    await screenshot(page, 'search-skarsgard');

    await hit.click();
    await page.waitForURL('**/person/bill-skarsgard');
    await page.getByRole('heading', { level: 1, name: 'Bill Skarsgård' }).waitFor();
    await page.getByRole('link', { name: 'John Wick: Chapter 4' }).first().waitFor();
    await expectAccessible();
    await screenshot(page, 'person-bill-skarsgard');

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('q') === 'skarsgard');
    await page.getByRole('link', { name: 'Bill Skarsgård' }).waitFor();
    expect(await page.getByLabel('Film, person, franchise, character or genre').inputValue()).toBe('skarsgard');
  });

  it('says so when nothing matches', async () => {
    await page.goto('/?q=zzqxv');
    await page.getByText('Nothing in the graph matches “zzqxv”').waitFor();
  });
});

describe('a film page', () => {
  it('lists Ballerina’s seven cast members in billing order, Eve Macarro for Ana de Armas', async () => {
    const { film } = dataOf(await api.query('{ film(slug: "ballerina-2025") { cast { person { name } } } }'));
    await page.goto('/film/ballerina-2025');
    await page.getByRole('heading', { level: 1, name: 'Ballerina' }).waitFor();
    const rows = page.locator('table.cast tbody tr');
    expect(await rows.count()).toBe(7);
    const names = await rows.locator('td:nth-child(2) a').allTextContents();
    expect(names).toEqual(film.cast.map((r: { person: { name: string } }) => r.person.name));
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const ana = rows.filter({ hasText: 'Ana de Armas' });
    expect(await ana.locator('td:nth-child(3)').textContent()).toContain('Eve Macarro');
    // The credited character is the recurring one, so it links to that character's page.
    expect(await ana.locator('td:nth-child(3) a').getAttribute('href')).toBe('/character/eve-macarro');

    // Place in the franchise, related films, and the review with its mentions linked.
    await page.getByText('5th by release, 4th in story order').waitFor();
    await page.locator('.related').getByRole('link', { name: /John Wick: Chapter 3/ }).waitFor();
    const review = page.locator('.review-body').first();
    expect(await review.getByRole('link', { name: 'Len Wiseman' }).getAttribute('href')).toBe('/person/len-wiseman');
    expect(await review.getByRole('link', { name: 'Chad Stahelski' }).count()).toBe(1);
    await expectAccessible();
    await screenshot(page, 'film-ballerina');
  });

  it('marks uncredited crew: David Leitch on John Wick', async () => {
    await page.goto('/film/john-wick-2014');
    const leitch = page.locator('.crew li', { hasText: 'David Leitch' });
    await leitch.first().waitFor();
    await expect(leitch.first().textContent()).resolves.toContain('uncredited');
  });

  it('reads well at phone width', async () => {
    const phone = await newPage(browser, origin, { width: 390, height: 844 });
    await phone.goto('/film/ballerina-2025');
    await phone.getByRole('heading', { level: 1, name: 'Ballerina' }).waitFor();
    // Nothing wider than the screen: no sideways scrolling.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectAccessible(phone);
    await screenshot(phone, 'film-ballerina-phone');
    await phone.context().close();
  });

  it('answers an unknown film with words, not an error', async () => {
    await page.goto('/film/no-such-film-1900');
    await page.getByText('No film has the address “no-such-film-1900”').waitFor();
  });
});

describe('a franchise page', () => {
  it('puts Ballerina fifth in release order and fourth in story order, and a reload keeps the order', async () => {
    await page.goto('/franchise/john-wick');
    await page.getByRole('heading', { level: 1, name: 'John Wick' }).waitFor();
    const titles = () => page.locator('.timeline li a').allTextContents();
    const ballerina = (list: string[]) => list.findIndex((title) => title.startsWith('Ballerina'));
    expect(ballerina(await titles())).toBe(4);
    expect(await page.locator('.timeline li', { hasText: 'Ballerina' }).textContent()).toContain('spin-off');
    await screenshot(page, 'franchise-john-wick-release');

    await page.getByRole('button', { name: 'Story order' }).click();
    await page.waitForURL('**/franchise/john-wick?order=story');
    await page.locator('.timeline[data-order="CHRONOLOGICAL"][aria-busy="false"]').waitFor();
    expect(ballerina(await titles())).toBe(3);
    await page.reload();
    await page.locator('.timeline[data-order="CHRONOLOGICAL"]').waitFor();
    expect(ballerina(await titles())).toBe(3);
    expect(await page.getByRole('button', { name: 'Story order' }).getAttribute('aria-pressed')).toBe('true');

    await page.locator('.characters li', { hasText: 'Eve Macarro' }).getByRole('link', { name: 'Ana de Armas' }).waitFor();
    await expectAccessible();
    await screenshot(page, 'franchise-john-wick-story');

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/franchise/john-wick' && !url.search);
    await page.locator('.timeline[data-order="RELEASE"]').waitFor();
  });

  it('shows Deadpool nested in X-Men', async () => {
    await page.goto('/franchise/deadpool');
    await page.getByText('Part of').getByRole('link', { name: 'X-Men' }).waitFor();
  });
});

describe('the path finder', () => {
  it('finds Len Wiseman to Keanu Reeves: two hops through Ballerina, drawn and written', async () => {
    await page.goto('/path');
    await page.getByRole('searchbox', { name: 'From', exact: true }).fill('len wiseman');
    await page.getByRole('button', { name: /Len Wiseman/ }).click();
    await page.getByRole('searchbox', { name: 'To', exact: true }).fill('keanu');
    await page.getByRole('button', { name: /Keanu Reeves/ }).click();

    await page.locator('.path-summary').waitFor();
    expect(await page.locator('.path-summary').textContent()).toBe('2 hops: Len Wiseman —DIRECTOR→ Ballerina (2025) ←ACTOR— Keanu Reeves');
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toBeTruthy();
    expect(url.searchParams.get('to')).toBeTruthy();
    const canvas = page.locator('.graph-canvas[data-nodes]');
    await canvas.waitFor();
    expect([await canvas.getAttribute('data-nodes'), await canvas.getAttribute('data-edges')]).toEqual(['3', '2']);
    await expectAccessible();
    await screenshot(page, 'path-wiseman-keanu');

    // The URL alone is enough: a reload shows the same path.
    await page.reload();
    await page.locator('.path-summary').waitFor();
    expect(await page.locator('.path-summary').textContent()).toContain('—DIRECTOR→ Ballerina (2025) ←ACTOR—');
  });

  it('names the film of a character hop: Keanu Reeves plays John Wick', async () => {
    const { keanu, wick } = dataOf(await api.query('{ keanu: person(slug: "keanu-reeves") { id } wick: character(slug: "john-wick") { id } }'));
    await page.goto(`/path?from=${encodeURIComponent(keanu.id)}&to=${encodeURIComponent(wick.id)}&via=CHARACTER`);
    await page.locator('.path-summary').waitFor();
    expect(await page.locator('.path-summary').textContent()).toMatch(/^1 hop: Keanu Reeves —PLAYS in John Wick[^→]*→ John Wick$/);
    const canvas = page.locator('.graph-canvas[data-nodes]');
    await canvas.waitFor();
    expect([await canvas.getAttribute('data-nodes'), await canvas.getAttribute('data-edges')]).toEqual(['2', '1']);
  });

  it('takes four hops from Bruce Willis, and none within three', async () => {
    const { bruce, keanu } = dataOf(await api.query('{ bruce: person(slug: "bruce-willis") { id } keanu: person(slug: "keanu-reeves") { id } }'));
    await page.goto(`/path?from=${encodeURIComponent(bruce.id)}&to=${encodeURIComponent(keanu.id)}`);
    await page.locator('.path-summary').waitFor();
    expect(await page.locator('.path-summary').textContent()).toMatch(/^4 hops: Bruce Willis/);
    await page.getByLabel('Most hops').fill('3');
    await page.getByText('No path within 3 hops over these links.').waitFor();
  });
});

describe('the graph view', () => {
  it('loads the drawing only when opened, draws the neighbourhood, and a click on a node opens its page', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto('/film/ballerina-2025');
    await page.getByRole('heading', { level: 1, name: 'Ballerina' }).waitFor();
    expect(scripts.some((s) => s.includes('CytoscapeGraph'))).toBe(false);

    await page.getByRole('button', { name: 'Show the graph around Ballerina' }).click();
    const canvas = page.locator('.graph-canvas[data-nodes]');
    await canvas.waitFor();
    expect(scripts.some((s) => s.includes('CytoscapeGraph'))).toBe(true);
    expect(Number(await canvas.getAttribute('data-nodes'))).toBeGreaterThan(8);
    await screenshot(page, 'film-ballerina-graph');

    // Where Cytoscape drew Keanu Reeves, relative to its canvas, then a real mouse click there.
    await canvas.scrollIntoViewIfNeeded();
    // The function runs in the page, where the canvas element carries its Cytoscape instance.
    const at = await canvas.evaluate((element: any, label: string) => {
      const node = element.reelgraphCy.nodes().filter((n: any) => n.data('label') === label)[0];
      if (!node) throw new Error(`no ${label} among the nodes drawn`);
      return node.renderedPosition() as { x: number; y: number };
    }, 'Keanu Reeves');
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForURL('**/person/keanu-reeves');
    await page.getByRole('heading', { level: 1, name: 'Keanu Reeves' }).waitFor();

    await page.goBack();
    await page.waitForURL('**/film/ballerina-2025');
    await page.getByRole('heading', { level: 1, name: 'Ballerina' }).waitFor();
  });

  it('draws a person’s neighbourhood too', async () => {
    await page.goto('/person/len-wiseman');
    await page.getByRole('button', { name: 'Show the graph around Len Wiseman' }).click();
    await page.locator('.graph-canvas[data-nodes]').waitFor();
    await expectAccessible();
    await screenshot(page, 'person-len-wiseman-graph');
  });

  it('caps a busy neighbourhood and says how many more there are', async () => {
    await page.goto('/person/keanu-reeves');
    await page.getByRole('button', { name: 'Show the graph around Keanu Reeves' }).click();
    const canvas = page.locator('.graph-canvas[data-nodes]');
    await canvas.waitFor();
    expect(Number(await canvas.getAttribute('data-nodes'))).toBeLessThanOrEqual(36);
    // Every node on a ring of its own distance: the centre alone in the middle.
    const rings = await canvas.evaluate((element: any) => {
      const cy = element.reelgraphCy;
      const centre = cy.nodes().filter((n: any) => n.data('level') === 0)[0].position();
      const radii: Record<number, number[]> = {};
      cy.nodes().forEach((n: any) => {
        const p = n.position();
        (radii[n.data('level')] ??= []).push(Math.hypot(p.x - centre.x, p.y - centre.y));
      });
      return Object.fromEntries(Object.entries(radii).map(([level, rs]) => [level, { min: Math.min(...rs), max: Math.max(...rs) }]));
    });
    expect(rings[0].max).toBe(0);
    expect(rings[1].min).toBeGreaterThan(0);
    if (rings[2]) expect(rings[2].min).toBeGreaterThan(rings[1].max);
    await screenshot(page, 'person-keanu-reeves-graph');
  });
});

describe('the filmography', () => {
  it('pages newest first with load more, each credit once, and narrows by kind', async () => {
    const { person } = dataOf(await api.query('{ person(slug: "keanu-reeves") { roles(first: 100) { totalCount nodes { kind film { title } } } } }'));
    expect(person.roles.totalCount).toBeGreaterThan(5);
    await page.goto('/person/keanu-reeves');
    const titles = page.locator('.filmography li > a');
    await titles.first().waitFor();
    expect(await titles.count()).toBe(5);
    await page.getByRole('button', { name: /Load more/ }).click();
    await titles.nth(person.roles.totalCount - 1).waitFor();
    expect(await titles.allTextContents()).toEqual(person.roles.nodes.map((r: { film: { title: string } }) => r.film.title));
    expect(await page.getByRole('button', { name: /Load more/ }).count()).toBe(0);

    await page.getByLabel('Kind of work').selectOption('DIRECTOR');
    await page.waitForURL('**/person/keanu-reeves?kind=DIRECTOR');
    await page.getByText('No director credits.').waitFor();
    await page.getByLabel('Kind of work').selectOption('');
    // Back on all kinds, the pages already loaded are still there, and stay once the network is
    // quiet: nothing re-fetches page one over them.
    await titles.nth(person.roles.totalCount - 1).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await titles.count()).toBe(person.roles.totalCount);
  });
});

describe('when the API fails', () => {
  it('says the database is down in words and offers a retry that works once it is back', async () => {
    let failing = true;
    await page.route('**/graphql', async (route) => {
      if (!failing) return route.continue();
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ data: { film: null }, errors: [{ message: 'The graph database cannot be reached right now; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }),
      });
    });
    await page.goto('/film/ballerina-2025');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('database is not answering');
    await expectAccessible();
    await screenshot(page, 'error-service-unavailable');

    failing = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ballerina' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows the same state when the API’s Neo4j is really unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const down = await startTestApi({}, Database.connect(`bolt://127.0.0.1:${port}`, 'neo4j', '', undefined, 2_000));
    const broken = await newPage(browser, new URL(down.app.url).origin);
    try {
      await broken.goto('/person/keanu-reeves');
      await broken.getByRole('alert').first().waitFor();
      expect(await broken.getByRole('alert').first().textContent()).toContain('SERVICE_UNAVAILABLE');
      await broken.getByRole('button', { name: 'Retry' }).first().click();
      await broken.getByRole('alert').first().waitFor();
    } finally {
      await broken.context().close();
      await down.close();
    }
  });
});

describe('the server', () => {
  it('answers the app’s routes with the page, hashed assets as immutable, and keeps GraphiQL at /graphql', async () => {
    const page_ = await fetch(`${origin}/franchise/john-wick`);
    expect(page_.status).toBe(200);
    expect(page_.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page_.headers.get('cache-control')).toBe('no-cache');
    const html = await page_.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const asset = await fetch(origin + script);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${origin}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/nowhere`)).status).toBe(404);
    const graphiql = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('GraphiQL');
  });
});
