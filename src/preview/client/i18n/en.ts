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
  scheduledNote: ['This is the scheduled post of ', ': ', '.'],
  previewOnlyNote: (scheduled) => [
    'Only a preview. To post this choice, set ',
    ` for this interview in the campaign file (now [${scheduled}]).`,
  ],
  notScheduledNote: ['Not scheduled. To post it, add it to the campaign file with ', '.'],
  scheduledOn: (date) => date,
};
