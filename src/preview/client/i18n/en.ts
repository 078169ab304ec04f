import type { Messages } from './sv.js';

/** The studio's words in English, for whoever asks for them (the switch in the bar). */
export const en: Messages = {
  pageTitle: 'excerpt studio',
  wordmarkSub: 'studio',

  viewsLabel: 'View',
  viewFeed: 'Posts',
  viewGrid: 'Profile grid',
  viewInterview: 'Interview',
  viewPlan: 'Campaigns',
  viewFairness: 'Fairness',
  viewOutput: 'Build and publish',
  formatLabel: 'Format',
  formatCampaign: 'Campaign',
  formatCampaignTitle: 'Each campaign’s own format',
  formatPortrait: 'Portrait',
  formatSquare: 'Square',
  formatStory: 'Story',
  languageLabel: 'Language',

  liveConnecting: 'Connecting…',
  liveConnectingTitle: 'Waiting for the studio server',
  liveOn: 'Live',
  liveOnTitle: 'Following every change to the data and templates',
  liveReconnecting: 'Reconnecting…',
  liveReconnectingTitle: 'The studio server does not answer',
  restarted:
    'The studio was started again. Load the page again to save (copy anything typed and not saved first).',
  reloadPage: 'Load the page again',
  liveStopped: 'Not following changes',
  liveStoppedTitle:
    'Changes to the data or templates no longer reach this page: see the note at the top',
  serverDoesNotAnswer: 'The studio server does not answer',

  drawingSlides: 'Drawing the slides…',
  updating: 'Updating…',
  slides: 'Slides',
  slidesOf: (party) => `${party}: slides`,
  more: 'more',
  previousSlide: 'Previous slide',
  nextSlide: 'Next slide',
  carousel: 'carousel',
  slide: 'slide',
  problemLabel: 'Problem',

  postCount: (count) => `${count} ${count === 1 ? 'post' : 'posts'}`,
  noPostsScheduled: 'no posts scheduled',
  formatName: (format) => format,
  campaignHasNoPosts: 'This campaign schedules no posts yet.',
  noCampaigns: 'No campaigns in the data folder yet.',

  gridPosts: 'posts',
  gridNote:
    'The profile grid shows every cover cropped to 3:4 from the middle, newest first. Check that nothing important is cut.',
  openPost: (party, date) => `${party} · ${date}: open the post`,

  noInterviews: 'No interviews in the data folder yet.',
  interviewLabel: 'Interview',
  questionsLabel: 'Questions and answers to show',
  scheduledNote: ['This is the scheduled post of ', '.'],
  previewOnlyNote: (scheduled) =>
    `A choice of your own: the scheduled post has ${scheduled}. Download this choice here, or change the post under Campaigns.`,
  notScheduledNote:
    'Not scheduled. Download this choice here, or schedule the interview under Campaigns.',
  downloadChoice: 'Download this choice (zip)',
  scheduledOn: (date) => date,

  undo: 'Undo',
  redo: 'Redo',
  undoTitle: (label) => `Undo: ${label}`,
  redoTitle: (label) => `Redo: ${label}`,
  nothingToUndo: 'Nothing to undo',
  nothingToRedo: 'Nothing to redo',
  undone: (label) => `Undone: ${label}`,
  redone: (label) => `Redone: ${label}`,
  undoConflict: (files) =>
    `Changed on disk since, so nothing was overwritten: ${files}. Open the file and choose yourself.`,

  viewImport: 'Import',
  importHeading: 'Import a page',
  importHelp:
    'Paste the text of the website’s page, or drop a .txt file here. Nothing is saved until you press Save.',
  importTextLabel: 'The page’s text',
  importPlaceholder:
    'Adventsfrågestund 2020\n\nVi intervjuade … (kommunalråd) … 16 december 2020.\n\n🎄 Hur arbetar …?',
  importChooseFile: 'Choose a file…',
  importRead: 'Read the page',
  importNothingYet:
    'What the page is read as shows here: campaigns, interviews, questions and answers.',
  importSummary: (campaigns, interviews, added, same, differs) =>
    `${campaigns} ${campaigns === 1 ? 'campaign' : 'campaigns'}, ${interviews} ${interviews === 1 ? 'interview' : 'interviews'}: ${added} new, ${same} already in the data, ${differs} differing from the data.`,
  importFlagsHeading: 'Lines to look at',
  importLine: (line) => `Line ${line}`,
  importFlag: {
    'dash-bullet': 'Starts with - or *: read as a paragraph. The website writes bullets with •.',
    'unmarked-question':
      'Looks like a question but has no campaign emoji: check it was read as a question.',
  },
  importNewCampaign: 'new campaign',
  importStatus: { new: 'new', same: 'in the data', differs: 'differs' },
  importBlocks: (count) => `${count} ${count === 1 ? 'block' : 'blocks'}`,
  importDiffersNote:
    'The data’s text differs from the page. The data’s is kept (a correction, say); edit the data if the page is right.',
  importData: 'data',
  importPage: 'page',
  importSave: (count) =>
    count === 0
      ? 'Nothing new to save'
      : `Save ${count} new ${count === 1 ? 'interview' : 'interviews'}`,
  importSaved: (files) => `Saved: ${files} ${files === 1 ? 'file' : 'files'}. Undo is in the bar.`,
  importConflict: 'The data changed while you looked: read the page again and save anew.',

  proofread: 'Proofread',
  wordsToCheck: (count) => `${count} ${count === 1 ? 'word' : 'words'} to look at`,
  questionField: 'Question',
  paragraphField: (number) => `Paragraph ${number}`,
  listItemField: (block, item) => `Paragraph ${block}, item ${item}`,
  saveFix: 'Save',
  fixSaved: 'Saved.',
  fixLabel: (qa, field) => `${qa}: ${field.toLowerCase()} corrected`,
  didYouMean: 'is not in the dictionary. Did you mean',
  noSuggestion: 'is not in the dictionary.',
  replaceWith: (word, suggestion) => `Replace ${word} with ${suggestion}`,
  addToWordList: 'Add to the word list',
  addWordLabel: (word) => `Add ${word} to the word list`,
  conflictNote: (file) =>
    `${file} changed on disk since the page read it, so nothing was overwritten. Here are both: choose and save again.`,
  discardUnsaved:
    'You have typed text that is not saved in this interview. Switch interviews anyway? What you typed is lost.',
  fileGone: (file) =>
    `${file} is no longer on disk (deleted or moved), so nothing was saved. Your text stays in the field: save again once the file is back.`,
  onDisk: 'On disk now',
  yourChange: 'Your change',
  takeDisk: 'Drop my change, show the file on disk',
  findingsToCheck: (count) => `${count} ${count === 1 ? 'thing' : 'things'} to fix`,
  glyphFinding: (char, codePoint) =>
    `The character “${char}” (${codePoint}) cannot be drawn on a slide: no bundled font has it. Replace or remove it.`,
  qaSlides: (date, slides, total) =>
    `In the post of ${date} this question takes ${slides} ${slides === 1 ? 'slide' : 'slides'}${total === null ? '' : ` (the post has ${total} of 10)`}.`,
  findingKind: {
    syntax: 'The file cannot be read',
    schema: 'A data problem',
    reference: 'A reference that does not match',
    glyph: 'A character that cannot be drawn',
    fit: 'The post does not fit',
    contrast: 'Contrast too low',
    limit: "Instagram's limits",
    fairness: 'Fairness between the parties',
  },
  campaignFindings: 'The campaign and its theme',
  contrastOfTheme: (theme) => `the theme ${theme}`,
  checkSays: 'excerpt check says:',
  problemTitle: (title) => title,
};
