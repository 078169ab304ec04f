import { buildCaption } from '../layout/caption.js';
import type { PostSpec } from './post-spec.js';

/**
 * A post's caption, as a build writes it (layOutPost calls this): it needs no layout, so the
 * studio can offer it to copy before anything is drawn.
 */
export function captionOf(spec: PostSpec): string {
  const { interview } = spec;
  return buildCaption({
    campaign: spec.campaign,
    speaker: {
      name: interview.interviewee.name,
      role: interview.interviewee.role,
      party: interview.party,
    },
    questions: spec.qaIds.map((id) => interview.qa.find((qa) => qa.id === id)!.question),
    interviewsUrl: spec.brand.interviewsUrl,
    hashtags: spec.campaign.hashtags,
  });
}
