import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { DataError } from '../errors.js';
import { inBothLanguages, type FieldPath, type Issue, type Said } from '../issue.js';
import {
  campaignIdOfFile,
  checkQaIds,
  checkReferences,
  interviewIdOfFile,
} from './check-references.js';
import type { Sourced } from './check-references.js';
import { parseYamlText, readYamlFile } from './read-yaml-file.js';
import type { ParsedFile, Position } from './read-yaml-file.js';
import { brandSchema, campaignSchema, interviewSchema } from './schema.js';
import type { Brand, Campaign, Interview } from './schema.js';

export { checkReferences } from './check-references.js';
export type { ReferenceInput, Sourced } from './check-references.js';

/** Where each part of a dataset was read from: paths as `dir` was given, e.g. `data/brand.yaml`. */
export interface DataFiles {
  brand: string;
  /** The file of a campaign; for an id not loaded, where it would be. */
  campaign(id: string): string;
  /** The file of an interview; for an id not loaded, where it would be. */
  interview(id: string): string;
}

/** A data folder, read whole and valid: schema and references checked. */
export interface Dataset {
  dir: string;
  brand: Brand;
  /** Sorted by id. */
  campaigns: Campaign[];
  /** Sorted by id. */
  interviews: Interview[];
  fileOf: DataFiles;
}

/**
 * Every file of a data folder that passed its schema, whatever else failed: enough for checks
 * that look at one file at a time (spelling, glyphs), even in a folder with problems.
 */
export interface ParsedData {
  dir: string;
  brand: Sourced<Brand> | undefined;
  campaigns: Sourced<Campaign>[];
  interviews: Sourced<Interview>[];
}

/** Everything found reading a data folder: the dataset when it is valid, else its issues. */
export interface DataInspection {
  /** Defined exactly when `issues` is empty. */
  dataset: Dataset | undefined;
  /** Every problem in every file, in file order: brand, campaigns, interviews. */
  issues: Issue[];
  /** Every data file read, in that order. */
  files: string[];
  /** The files that passed their schema. */
  parsed: ParsedData;
  /** Where a field of a file read is written, e.g. (`data/x.yaml`, `['qa', 2, 'answer', 0]`). */
  locate: (file: string, path: FieldPath) => Position | undefined;
}

const folderHint = {
  en: 'point --data at the folder that holds brand.yaml, campaigns/ and interviews/',
  sv: 'starta studion med --data satt till mappen som har brand.yaml, campaigns/ och interviews/',
};

/** What inspectData may be told besides the folder. */
export interface InspectOptions {
  /**
   * Texts to read instead of what is on disk, by path as `dir` gives it (`join(dir,
   * 'campaigns', 'x.yaml')`): an edit is validated as the loader would read it, before it is
   * written. A path not on disk yet is read as a new file when it lies where data is read;
   * null reads a file as gone.
   */
  texts?: ReadonlyMap<string, string | null>;
}

/**
 * Reads a data folder (PRODUCT.md, "Data") and checks all of it: YAML syntax, the schema and
 * references between files. Throws one DataError listing every problem in every file.
 */
export async function loadData(dir: string): Promise<Dataset> {
  const { dataset, issues } = await inspectData(dir);
  if (dataset === undefined || issues.length > 0) throw new DataError(issues);
  return dataset;
}

/**
 * Like loadData, but returns the problems instead of throwing them, for `excerpt check`. Only
 * a data folder that does not exist at all is thrown, as a DataError.
 */
export async function inspectData(
  dir: string,
  options: InspectOptions = {},
): Promise<DataInspection> {
  await assertFolder(dir);
  const brandFile = join(dir, 'brand.yaml');
  const texts = options.texts ?? new Map<string, string | null>();
  const listed = withNewFiles(await listDataFiles(dir), dir, texts);
  const read = <T>(file: string, schema: z.ZodType<T>): Promise<ParsedFile<T>> => {
    const text = texts.get(file);
    return typeof text === 'string'
      ? Promise.resolve(parseYamlText(text, file, schema))
      : readYamlFile(file, schema);
  };

  const [brand, campaigns, interviews] = await Promise.all([
    typeof texts.get(brandFile) === 'string'
      ? read(brandFile, brandSchema)
      : readBrandFile(brandFile),
    Promise.all(listed.campaignFiles.map((file) => read(file, campaignSchema))),
    Promise.all(listed.interviewFiles.map((file) => read(file, interviewSchema))),
  ]);

  const validCampaigns = valid(campaigns);
  const validInterviews = valid(interviews);
  const referenceIssues = checkReferences({
    brand: brand.value,
    campaigns: validCampaigns,
    interviews: validInterviews,
    unreadable: {
      campaigns: [
        ...campaigns.filter((parsed) => parsed.value === undefined).map((parsed) => parsed.file),
        ...listed.unreadCampaigns,
      ].map(campaignIdOfFile),
      interviews: interviews
        .filter((parsed) => parsed.value === undefined)
        .map((parsed) => interviewIdOfFile(parsed.file)),
    },
  });

  const parsedFiles = [brand, ...campaigns, ...interviews];
  const files = parsedFiles.map((parsed) => parsed.file);
  const byFile = new Map(parsedFiles.map((parsed) => [parsed.file, parsed]));
  const locate = (file: string, path: FieldPath): Position | undefined =>
    byFile.get(file)?.locate(path);
  const located = referenceIssues.map((issue): Issue => ({
    ...issue,
    ...(issue.file === undefined ? undefined : locate(issue.file, issue.path)),
  }));

  // File order, so each file's problems read together; within a file, the order found.
  const order = new Map(files.map((file, index) => [file, index]));
  const rank = (issue: Issue): number =>
    issue.file === undefined ? -1 : (order.get(issue.file) ?? files.length);
  const issues = [...listed.issues, ...parsedFiles.flatMap((parsed) => parsed.issues), ...located]
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index)
    .map(({ issue }) => issue);

  const parsed: ParsedData = {
    dir,
    brand: brand.value === undefined ? undefined : { file: brandFile, value: brand.value },
    campaigns: validCampaigns,
    interviews: validInterviews,
  };
  const dataset =
    issues.length > 0 || brand.value === undefined
      ? undefined
      : createDataset(dir, brandFile, brand.value, validCampaigns, validInterviews);
  return { dataset, issues, files, parsed, locate };
}

/** Reads `<dir>/brand.yaml` alone, schema-checked. */
export async function loadBrand(dir: string): Promise<Brand> {
  await assertFolder(dir);
  const parsed = await readBrandFile(join(dir, 'brand.yaml'));
  if (parsed.value === undefined) throw new DataError(parsed.issues);
  return parsed.value;
}

/**
 * Reads one interview file, schema-checked and with unique Q&A ids, without the rest of its
 * data folder: its campaign is not looked up.
 */
export async function loadInterviewFile(file: string): Promise<Interview> {
  const parsed = await readYamlFile(file, interviewSchema);
  const issues =
    parsed.value === undefined
      ? parsed.issues
      : checkQaIds(file, parsed.value).map((issue): Issue => ({
          ...issue,
          ...parsed.locate(issue.path),
        }));
  if (parsed.value === undefined || issues.length > 0) throw new DataError(issues);
  return parsed.value;
}

async function assertFolder(dir: string): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch {
    throw new DataError([
      folderIssue(
        dir,
        { en: 'the data folder does not exist', sv: 'datamappen finns inte' },
        folderHint,
      ),
    ]);
  }
  if (!isFolder)
    throw new DataError([
      folderIssue(
        dir,
        { en: 'is a file, not a data folder', sv: 'är en fil, inte en datamapp' },
        folderHint,
      ),
    ]);
}

async function readBrandFile(file: string): Promise<ParsedFile<Brand>> {
  const stats = await stat(file).catch(() => undefined);
  if (stats?.isFile() === true) return readYamlFile(file, brandSchema);
  // A folder or a FIFO by that name: reading it would fail, or wait for ever.
  const issue =
    stats !== undefined
      ? folderIssue(
          file,
          { en: 'is not a plain file', sv: 'är inte en vanlig fil' },
          {
            en: 'move it away and put the brand file there',
            sv: 'flytta den och lägg varumärkesfilen där',
          },
        )
      : folderIssue(
          file,
          { en: 'is missing', sv: 'saknas' },
          {
            en: 'every data folder needs a brand.yaml: organisation, handle, website, interviewsUrl, email, contactLine and themes',
            sv: 'varje datamapp behöver en brand.yaml: organisation, handle, website, interviewsUrl, email, contactLine och themes',
          },
        );
  return { file, value: undefined, raw: undefined, issues: [issue], locate: () => undefined };
}

interface ListedFiles {
  campaignFiles: string[];
  interviewFiles: string[];
  /** Campaign files' names on what is not a plain file: their posts' problems are not told. */
  unreadCampaigns: string[];
  /** Files in the data folder that look like data but will not be read. */
  issues: Issue[];
}

/** The campaign and interview files of a data folder, sorted; absent folders list nothing. */
async function listDataFiles(dir: string): Promise<ListedFiles> {
  const issues: Issue[] = [];
  const campaignFiles: string[] = [];
  const interviewFiles: string[] = [];
  const unreadCampaigns: string[] = [];

  const campaignsDir = join(dir, 'campaigns');
  for (const entry of await listFolder(campaignsDir, issues)) {
    if (!entry.isFile()) {
      if (/\.ya?ml$/.test(entry.name)) {
        issues.push(notAFileIssue(campaignsDir, entry));
        unreadCampaigns.push(join(campaignsDir, entry.name));
      }
      continue;
    }
    if (entry.name.endsWith('.yaml')) campaignFiles.push(join(campaignsDir, entry.name));
    else if (entry.name.endsWith('.yml')) issues.push(ymlIssue(join(campaignsDir, entry.name)));
  }

  const interviewsDir = join(dir, 'interviews');
  for (const entry of await listFolder(interviewsDir, issues)) {
    const path = join(interviewsDir, entry.name);
    if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      issues.push(
        folderIssue(
          path,
          {
            en: 'is not read: an interview belongs in its campaign folder',
            sv: 'läses inte: en intervju ska ligga i sin kampanjs mapp',
          },
          {
            en: `move it to ${join(interviewsDir, '<campaign-id>', entry.name)}`,
            sv: `flytta den till ${join(interviewsDir, '<kampanjens id>', entry.name)}`,
          },
        ),
      );
      continue;
    }
    if (!entry.isDirectory()) {
      if (entry.isSymbolicLink()) issues.push(notAFileIssue(interviewsDir, entry));
      continue;
    }
    for (const inner of await listFolder(path, issues)) {
      if (!inner.isFile()) {
        if (/\.ya?ml$/.test(inner.name)) issues.push(notAFileIssue(path, inner));
        continue;
      }
      if (inner.name.endsWith('.yaml')) interviewFiles.push(join(path, inner.name));
      else if (inner.name.endsWith('.yml')) issues.push(ymlIssue(join(path, inner.name)));
    }
  }

  return { campaignFiles, interviewFiles, unreadCampaigns, issues };
}

/**
 * The listing with the files of `texts` that are not on disk yet, where the loader would find
 * them: `campaigns/<name>.yaml` and `interviews/<folder>/<name>.yaml`, in the listing's order.
 */
function withNewFiles(
  listed: ListedFiles,
  dir: string,
  texts: ReadonlyMap<string, string | null>,
): ListedFiles {
  const campaignFiles = new Set(listed.campaignFiles);
  const interviewFiles = new Set(listed.interviewFiles);
  let isChanged = false;
  for (const [file, text] of texts) {
    if (text === null) {
      isChanged = campaignFiles.delete(file) || interviewFiles.delete(file) || isChanged;
      continue;
    }
    const parts = relative(dir, file).split(sep);
    if (!file.endsWith('.yaml') || parts.some((part) => part.startsWith('.'))) continue;
    const files =
      parts.length === 2 && parts[0] === 'campaigns'
        ? campaignFiles
        : parts.length === 3 && parts[0] === 'interviews'
          ? interviewFiles
          : undefined;
    if (files !== undefined && !files.has(file)) {
      files.add(file);
      isChanged = true;
    }
  }
  if (!isChanged) return listed;
  // Folder by folder, then file by file, as listDataFiles lists them.
  return {
    ...listed,
    campaignFiles: [...campaignFiles].sort(byPath),
    interviewFiles: [...interviewFiles].sort(byPath),
  };
}

function byPath(a: string, b: string): number {
  const [left, right] = [a.split(sep), b.split(sep)];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const [x = '', y = ''] = [left[index], right[index]];
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

/** The visible entries of a folder, sorted by name; an absent folder has none. */
async function listFolder(dir: string, issues: Issue[]) {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'EACCES' || code === 'EPERM') {
      issues.push(
        folderIssue(
          dir,
          { en: 'cannot be read: no permission', sv: 'går inte att läsa: behörighet saknas' },
          {
            en: `give yourself permission to read it (chmod u+rx ${dir}), or run as its owner`,
            sv: `ge dig själv rätt att läsa den (chmod u+rx ${dir}), eller kör som dess ägare`,
          },
        ),
      );
      return [];
    }
    if (code !== 'ENOTDIR') throw error;
    issues.push(folderIssue(dir, { en: 'is a file, not a folder', sv: 'är en fil, inte en mapp' }));
    return [];
  }
}

/**
 * A data file's name on something that is not a plain file: a link (not followed, so that a
 * save never replaces a link with a copy unnoticed), a folder, a FIFO. Said, rather than
 * skipped: its campaign or interviews would be missing with no word why.
 */
function notAFileIssue(dir: string, entry: Dirent): Issue {
  const file = join(dir, entry.name);
  if (entry.isSymbolicLink()) {
    return folderIssue(
      file,
      {
        en: 'is a symbolic link: excerpt reads only files in the data folder itself',
        sv: 'är en symbolisk länk: excerpt läser bara filer som ligger i själva datamappen',
      },
      {
        en: `put the file itself there in place of the link (cp --remove-destination "$(readlink -f ${file})" ${file})`,
        sv: `lägg själva filen där i stället för länken (cp --remove-destination "$(readlink -f ${file})" ${file})`,
      },
    );
  }
  return folderIssue(
    file,
    {
      en: entry.isDirectory() ? 'is a folder, not a data file' : 'is not a plain file',
      sv: entry.isDirectory() ? 'är en mapp, inte en datafil' : 'är inte en vanlig fil',
    },
    { en: 'move it away or rename it', sv: 'flytta den eller byt namn på den' },
  );
}

function ymlIssue(file: string): Issue {
  const name = `${basename(file, '.yml')}.yaml`;
  return folderIssue(
    file,
    { en: 'is not read: data files end in .yaml', sv: 'läses inte: datafiler slutar på .yaml' },
    { en: `rename it to ${name}`, sv: `byt namn på den till ${name}` },
  );
}

/** A file or folder missing, or where it will not be read: the data folder's layout is its schema. */
function folderIssue(file: string, message: Said, hint?: Said): Issue {
  return { code: 'schema', severity: 'error', file, path: [], ...inBothLanguages(message, hint) };
}

function valid<T>(parsed: readonly ParsedFile<T>[]): Sourced<T>[] {
  return parsed.flatMap(({ file, value }) => (value === undefined ? [] : [{ file, value }]));
}

function createDataset(
  dir: string,
  brandFile: string,
  brand: Brand,
  campaigns: readonly Sourced<Campaign>[],
  interviews: readonly Sourced<Interview>[],
): Dataset {
  const campaignFiles = new Map(campaigns.map(({ file, value }) => [value.id, file]));
  const interviewFiles = new Map(interviews.map(({ file, value }) => [value.id, file]));
  return {
    dir,
    brand,
    campaigns: campaigns.map(({ value }) => value).sort(byId),
    interviews: interviews.map(({ value }) => value).sort(byId),
    fileOf: {
      brand: brandFile,
      campaign: (id) => campaignFiles.get(id) ?? join(dir, 'campaigns', `${id}.yaml`),
      interview: (id) => interviewFiles.get(id) ?? join(dir, 'interviews', `${id}.yaml`),
    },
  };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
