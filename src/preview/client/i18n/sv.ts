/**
 * The studio's words in Swedish, the page's default language: the slides are Swedish, and so
 * are the people who make them. A word is added here and in en.ts (which must have every key).
 * Texts with numbers or names are functions; the data's own texts are never translated.
 */
/** The texts around things the page puts between them (a date, a piece of YAML). */
export type Parts<N extends 2 | 3> = N extends 2 ? [string, string] : [string, string, string];

export const sv = {
  pageTitle: 'excerpt studio',
  wordmarkSub: 'studio',

  // The bar
  viewsLabel: 'Vy',
  viewFeed: 'Inlägg',
  viewGrid: 'Profilrutnät',
  viewInterview: 'Intervju',
  viewPlan: 'Kampanjer',
  viewFairness: 'Rättvisa',
  viewOutput: 'Bygg och publicera',
  formatLabel: 'Format',
  formatCampaign: 'Kampanjens',
  formatCampaignTitle: 'Varje kampanjs eget format',
  formatPortrait: 'Stående',
  formatSquare: 'Kvadrat',
  formatStory: 'Story',
  languageLabel: 'Språk',

  // Whether the page follows the files
  liveConnecting: 'Ansluter…',
  liveConnectingTitle: 'Väntar på studions server',
  liveOn: 'Live',
  liveOnTitle: 'Följer varje ändring i data och mallar',
  liveReconnecting: 'Återansluter…',
  liveReconnectingTitle: 'Studions server svarar inte',
  liveStopped: 'Följer inte ändringar',
  restarted:
    'Studion har startats om. Ladda om sidan för att kunna spara igen (kopiera först det du har skrivit men inte sparat).',
  reloadPage: 'Ladda om sidan',
  liveStoppedTitle: 'Ändringar i data och mallar når inte längre sidan: se meddelandet överst',
  serverDoesNotAnswer: 'Studions server svarar inte',

  // A post
  drawingSlides: 'Ritar bilderna…',
  updating: 'Uppdaterar…',
  slides: 'Bilder',
  slidesOf: (party: string) => `${party}: bilder`,
  more: 'mer',
  previousSlide: 'Föregående bild',
  nextSlide: 'Nästa bild',
  carousel: 'karusell',
  slide: 'bild',
  problemLabel: 'Problem',

  // The Posts view
  postCount: (count: number) => `${count} inlägg`,
  noPostsScheduled: 'inga inlägg schemalagda',
  formatName: (format: string) =>
    ({ square: 'kvadrat', portrait: 'stående', story: 'story' })[format] ?? format,
  campaignHasNoPosts: 'Kampanjen har inga schemalagda inlägg än.',
  noCampaigns: 'Inga kampanjer i datamappen än.',

  // The Profile grid view
  gridPosts: 'inlägg',
  gridNote:
    'Profilrutnätet visar varje omslag beskuret till 3:4 från mitten, nyast först. Kontrollera att inget viktigt skärs bort.',
  openPost: (party: string, date: string) => `${party} · ${date}: öppna inlägget`,

  // The Interview view
  noInterviews: 'Inga intervjuer i datamappen än.',
  interviewLabel: 'Intervju',
  questionsLabel: 'Frågor och svar att visa',
  // Texts around a date (the parts before and after it).
  scheduledNote: ['Det här är det schemalagda inlägget ', '.'] as Parts<2>,
  previewOnlyNote: (scheduled: string) =>
    `Ett eget urval: det schemalagda inlägget har ${scheduled}. Ladda ner urvalet här, eller ändra inlägget under Kampanjer.`,
  notScheduledNote:
    'Inte schemalagt. Ladda ner urvalet här, eller schemalägg intervjun under Kampanjer.',
  downloadChoice: 'Ladda ner urvalet (zip)',
  scheduledOn: (date: string) => `den ${date}`,

  // Undo and redo, in the bar
  undo: 'Ångra',
  redo: 'Gör om',
  undoTitle: (label: string) => `Ångra: ${label}`,
  redoTitle: (label: string) => `Gör om: ${label}`,
  nothingToUndo: 'Inget att ångra',
  nothingToRedo: 'Inget att göra om',
  undone: (label: string) => `Ångrat: ${label}`,
  redone: (label: string) => `Gjort om: ${label}`,
  undoConflict: (files: string) =>
    `Ändrat på disken sedan dess, så inget skrevs över: ${files}. Öppna filen och välj själv.`,

  // The Import view
  viewImport: 'Importera',
  importHeading: 'Importera en sida',
  importHelp:
    'Klistra in texten från webbplatsens sida, eller släpp en .txt-fil här. Inget sparas förrän du trycker Spara.',
  importTextLabel: 'Sidans text',
  importPlaceholder:
    'Adventsfrågestund 2020\n\nVi intervjuade … (kommunalråd) … 16 december 2020.\n\n🎄 Hur arbetar …?',
  importChooseFile: 'Välj fil…',
  importRead: 'Läs sidan',
  importNothingYet:
    'Här visas vad som känns igen på sidan: kampanjer, intervjuer, frågor och svar.',
  importSummary: (
    campaigns: number,
    interviews: number,
    added: number,
    same: number,
    differs: number,
  ) =>
    `${campaigns} ${campaigns === 1 ? 'kampanj' : 'kampanjer'}, ${interviews} ${interviews === 1 ? 'intervju' : 'intervjuer'}: ${added} ${added === 1 ? 'ny' : 'nya'}, ${same} finns redan, ${differs} skiljer sig från datan.`,
  importFlagsHeading: 'Rader att titta på',
  importLine: (line: number) => `Rad ${line}`,
  importFlag: {
    'dash-bullet': 'Börjar med - eller *: läses som ett stycke. Webbplatsen skriver punkter med •.',
    'unmarked-question':
      'Ser ut som en fråga men saknar kampanjens emoji: kontrollera att den lästes som fråga.',
  } as Record<'dash-bullet' | 'unmarked-question', string>,
  importNewCampaign: 'ny kampanj',
  importStatus: { new: 'ny', same: 'finns redan', differs: 'skiljer sig' } as Record<
    'new' | 'same' | 'differs',
    string
  >,
  importBlocks: (count: number) => `${count} ${count === 1 ? 'stycke' : 'stycken'}`,
  importDiffersNote:
    'Datan har en annan text än sidan. Datans text behålls (till exempel en rättning); ändra i datan om sidan har rätt.',
  importData: 'datan',
  importPage: 'sidan',
  importSave: (count: number) =>
    count === 0
      ? 'Inget nytt att spara'
      : `Spara ${count} ${count === 1 ? 'ny intervju' : 'nya intervjuer'}`,
  importSaved: (files: number) =>
    `Sparat: ${files} ${files === 1 ? 'fil' : 'filer'}. Ångra finns uppe i listen.`,
  importConflict: 'Datan ändrades medan du tittade: läs sidan igen och spara på nytt.',

  // Proofreading in place
  proofread: 'Korrekturläs',
  wordsToCheck: (count: number) => `${count} ${count === 1 ? 'ord' : 'ord'} att titta på`,
  questionField: 'Fråga',
  paragraphField: (number: number) => `Stycke ${number}`,
  listItemField: (block: number, item: number) => `Stycke ${block}, punkt ${item}`,
  saveFix: 'Spara',
  fixSaved: 'Sparat.',
  fixLabel: (qa: string, field: string) => `${qa}: ${field.toLowerCase()} rättad`,
  didYouMean: 'finns inte i ordlistan. Menade du',
  noSuggestion: 'finns inte i ordlistan.',
  replaceWith: (word: string, suggestion: string) => `Byt ${word} mot ${suggestion}`,
  addToWordList: 'Lägg till i ordlistan',
  addWordLabel: (word: string) => `Lägg till ${word} i ordlistan`,
  conflictNote: (file: string) =>
    `${file} ändrades på disken sedan sidan läste den, så inget skrevs över. Här är båda: välj och spara igen.`,
  discardUnsaved:
    'Du har skrivit text som inte är sparad i den här intervjun. Byta intervju ändå? Det du skrivit försvinner.',
  fileGone: (file: string) =>
    `${file} finns inte längre på disken (borttagen eller flyttad), så inget sparades. Din text finns kvar i fältet: spara igen när filen är tillbaka.`,
  onDisk: 'På disken nu',
  yourChange: 'Din ändring',
  takeDisk: 'Släpp min ändring, visa filen på disken',
  findingsToCheck: (count: number) => `${count} ${count === 1 ? 'sak' : 'saker'} att åtgärda`,
  glyphFinding: (char: string, codePoint: string) =>
    `Tecknet ”${char}” (${codePoint}) kan inte ritas på en bild: inget av typsnitten har det. Byt ut eller ta bort det.`,
  qaSlides: (date: string, slides: number, total: number | null) =>
    `I inlägget ${date} tar frågan ${slides} ${slides === 1 ? 'bild' : 'bilder'}${total === null ? '' : ` (inlägget har ${total} av 10)`}.`,
  findingKind: {
    syntax: 'Filen går inte att läsa',
    schema: 'Fel i datat',
    reference: 'Hänvisning som inte stämmer',
    glyph: 'Tecken som inte kan ritas',
    fit: 'Inlägget får inte plats',
    contrast: 'För svag kontrast',
    limit: 'Instagrams gränser',
    fairness: 'Rättvisa mellan partierna',
  },
  campaignFindings: 'Kampanjen och temat',
  contrastOfTheme: (theme: string) => `temat ${theme}`,
  checkSays: 'excerpt check säger:',
  /** The title of a problem the server reports (in English, as the terminal shows it). */
  problemTitle: (title: string): string => {
    // Own keys only: a title such as `constructor` must not find Object.prototype's.
    const known = Object.hasOwn(serverTitles, title) ? serverTitles[title] : undefined;
    if (known !== undefined) return known;
    const count = /^The data has (\d+) problems$/.exec(title)?.[1];
    if (count !== undefined) return `Datat har ${count} problem`;
    const laidOut = /^(.+) cannot be laid out$/.exec(title)?.[1];
    if (laidOut !== undefined) return `${laidOut} går inte att dela upp i bilder`;
    return title;
  },
};

/** The titles of the server's problems, which the terminal shows in English. */
const serverTitles: Partial<Record<string, string>> = {
  'The data has a problem': 'Datat har ett problem',
  'The data does not load': 'Datat går inte att läsa in',
  'The data cannot be read': 'Datamappen går inte att läsa',
  'The templates cannot be read': 'Mallarna går inte att läsa',
  'The templates cannot be compiled': 'Mallarna går inte att kompilera',
  'The templates do not load': 'Mallarna går inte att ladda',
  'The render worker does not start': 'Processen som ritar bilderna startar inte',
  'The preview failed': 'Studion stötte på ett fel',
  'This post cannot be drawn': 'Inlägget går inte att rita',
  'This choice cannot be drawn': 'Det här urvalet går inte att rita',
  'The preview no longer follows changes': 'Studion följer inte längre ändringar',
};

/** Every text the page shows, in one language. */
export type Messages = typeof sv;
