import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphClient,
  GraphApiError,
  NoResponseError,
  redactToken,
  type GraphClient,
} from '../../src/publish/graph-client.js';
import { makeWorkspace, removeWorkspaces } from '../helpers/cli.js';
import { startFakeGraphApi, type FakeGraphApi } from '../helpers/fake-graph-api.js';
import { startStaticServer, type StaticServer } from '../helpers/static-server.js';

afterAll(removeWorkspaces);

/** An image of a size and type, as a file the static server serves. */
async function image(
  width: number,
  height: number,
  type: 'jpeg' | 'png' = 'jpeg',
): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: '#336699' } });
  return type === 'png' ? base.png().toBuffer() : base.jpeg().toBuffer();
}

describe('the Graph API client, against the fake, which refuses what Meta refuses', () => {
  let fake: FakeGraphApi;
  let files: StaticServer;
  let client: GraphClient;
  const url = (name: string): string => `${files.url}${name}`;

  beforeAll(async () => {
    const dir = makeWorkspace('graph-client');
    mkdirSync(join(dir, 'img'));
    const images: [string, Buffer][] = [
      ['square.jpg', await image(1080, 1080)],
      ['portrait.jpg', await image(1080, 1350)],
      ['story.jpg', await image(1080, 1920)],
      ['three-four.jpg', await image(1080, 1440)],
      ['narrow.jpg', await image(300, 300)],
      ['wide.jpg', await image(1600, 1000)],
      ['square.png', await image(1080, 1080, 'png')],
      // Random bytes barely compress: over 8 MB as a JPEG.
      [
        'huge.jpg',
        await sharp(
          Buffer.from(
            Array.from({ length: 1440 * 1440 * 3 }, () => Math.floor(Math.random() * 256)),
          ),
          {
            raw: { width: 1440, height: 1440, channels: 3 },
          },
        )
          .jpeg({ quality: 100 })
          .toBuffer()
          .then((jpeg) => Buffer.concat([jpeg, Buffer.alloc(8 * 1024 * 1024)])),
      ],
    ];
    for (const [name, data] of images) writeFileSync(join(dir, 'img', name), data);
    files = await startStaticServer(join(dir, 'img'));
    fake = await startFakeGraphApi();
    client = createGraphClient({
      apiUrl: fake.url,
      userId: fake.userId,
      token: fake.token,
      timeoutMs: 5_000,
    });
  });
  afterAll(async () => {
    await fake.close();
    await files.close();
  });

  it('makes containers of square and portrait JPEGs, with the alt text, and sends the token in a header', async () => {
    const id = await client.createImageContainer({
      imageUrl: url('square.jpg'),
      altText: 'Bild 1 av 2.',
    });
    await client.createImageContainer({ imageUrl: url('portrait.jpg'), altText: 'Bild 2 av 2.' });
    expect(fake.children.get(id)).toMatchObject({
      altText: 'Bild 1 av 2.',
      imageUrl: url('square.jpg'),
    });
    const request = fake.requests.at(-1)!;
    expect(request.authorization).toBe(`Bearer ${fake.token}`);
    expect(request.url).not.toContain(fake.token);
  });

  it.each([
    ['story.jpg', 2207009],
    ['three-four.jpg', 2207009],
    ['narrow.jpg', 2207004],
    ['wide.jpg', 2207004],
    ['square.png', 2207005],
    ['huge.jpg', 2207004],
    ['missing.jpg', 2207052],
  ])('refuses %s with subcode %d', async (name, subcode) => {
    const error = await client
      .createImageContainer({ imageUrl: url(name), altText: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphApiError);
    expect((error as GraphApiError).facts.subcode).toBe(subcode);
  });

  it('checks a carousel: 2–10 items, a caption of at most 2,200 characters and 5 hashtags', async () => {
    const one = await client.createImageContainer({ imageUrl: url('square.jpg'), altText: 'a' });
    const two = await client.createImageContainer({ imageUrl: url('square.jpg'), altText: 'b' });
    const refusal = (children: string[], caption: string) =>
      client.createCarouselContainer({ children, caption }).then(
        () => undefined,
        (error: GraphApiError) => [error.kind, error.facts.subcode],
      );
    expect(await refusal([one], 'ok')).toEqual(['input', 2207028]);
    expect(
      await refusal(
        Array.from({ length: 11 }, () => one),
        'ok',
      ),
    ).toEqual(['input', 2207028]);
    expect(await refusal([one, two], 'x'.repeat(2201))).toEqual(['input', 2207010]);
    expect(await refusal([one, two], '#a #b #c #d #e #f')).toEqual(['input', 2207010]);
    expect(await refusal([one, two], `${'🌈'.repeat(2185)} #a #b #c #d #e`)).toBeUndefined();
  });

  it('reports IN_PROGRESS before FINISHED, refuses to publish before, and publishes once', async () => {
    const children = [
      await client.createImageContainer({ imageUrl: url('square.jpg'), altText: 'a' }),
      await client.createImageContainer({ imageUrl: url('square.jpg'), altText: 'b' }),
    ];
    const carousel = await client.createCarouselContainer({ children, caption: 'En bildtext.' });
    const early = await client.publishContainer(carousel).catch((error: GraphApiError) => error);
    expect((early as GraphApiError).kind).toBe('not-ready');
    const statuses: string[] = [];
    for (let read = 0; read < 4; read++)
      statuses.push((await client.readContainerStatus(carousel)).statusCode);
    expect(statuses).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'FINISHED', 'FINISHED']);
    const mediaId = await client.publishContainer(carousel);
    expect((await client.readContainerStatus(carousel)).statusCode).toBe('PUBLISHED');
    expect(await client.readPermalink(mediaId)).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    const again = await client.publishContainer(carousel).catch((error: GraphApiError) => error);
    expect(again).toBeInstanceOf(GraphApiError);
    expect(fake.media.filter((media) => media.creationId === carousel)).toHaveLength(1);
    expect((await client.listRecentMedia())[0]).toMatchObject({
      id: mediaId,
      caption: 'En bildtext.',
    });
    expect(await client.readPublishingLimit()).toEqual({
      used: fake.media.length,
      total: 50,
      windowSeconds: 86400,
    });
  });

  it('tells a lost answer (NoResponseError) from a refusal, and a refused token from the rest', async () => {
    const children = [
      await client.createImageContainer({ imageUrl: url('square.jpg'), altText: 'a' }),
      await client.createImageContainer({ imageUrl: url('square.jpg'), altText: 'b' }),
    ];
    const carousel = await client.createCarouselContainer({ children, caption: 'Förlorat svar.' });
    for (let read = 0; read < 3; read++) await client.readContainerStatus(carousel);
    fake.faults.losePublishResponse = true;
    const lost = await client.publishContainer(carousel).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(NoResponseError);
    expect((await client.readContainerStatus(carousel)).statusCode).toBe('PUBLISHED');

    fake.faults.rejectToken = true;
    const refused = await client.readPublishingLimit().catch((error: GraphApiError) => error);
    fake.faults.rejectToken = false;
    expect(refused).toMatchObject({ kind: 'token', facts: { code: 190, subcode: 463 } });
    expect((refused as Error).message).toBe(
      `GET /${fake.userId}/content_publishing_limit: Error validating access token: Session has expired. (code 190, subcode 463)`,
    );
  });

  it('cleans the token out of every message', async () => {
    fake.faults.failOnce.set('limit', { message: `bad access_token=${fake.token}`, code: 100 });
    const error = (await client.readPublishingLimit().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('bad access_token=[INSTAGRAM_ACCESS_TOKEN]');
    expect(error.message).not.toContain(fake.token);
    expect(redactToken('a TOKEN b TOKEN', 'TOKEN')).toBe(
      'a [INSTAGRAM_ACCESS_TOKEN] b [INSTAGRAM_ACCESS_TOKEN]',
    );
  });
});
