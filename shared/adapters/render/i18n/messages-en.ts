import type { MessageKey } from './types';

/**
 * English catalogue. Typed as partial so a missing key falls back to Bahasa
 * Indonesia at run time; a unit test asserts it has exactly the same keys and
 * placeholders as the Indonesian catalogue.
 */
export const messagesEn: Partial<Record<MessageKey, string>> = {
  'app.name': 'Kinerja ASN',
  'app.tagline': 'Civil servant performance management',

  'mail.greeting': 'Dear {name},',
  'mail.closing': 'Kind regards,',
  'mail.signature': 'Performance Management Office',
  'mail.footer.automated': 'This email was sent automatically by the Kinerja ASN system. Please do not reply to it.',
  'mail.footer.linkSafety':
    'Opening a link in this email changes nothing by itself: a decision is recorded only after you press the confirmation button on the page that opens.',
  'mail.footer.personal': 'The links in this email are for you only. Please do not forward this email.',
  'mail.deadline': 'Deadline: {deadline}',
  'mail.linkValidUntil': 'Links are valid until {deadline}.',

  'employee.name': 'Name',
  'employee.nip': 'NIP (employee number)',
  'employee.jabatan': 'Position',
  'employee.unit': 'Work unit',
  'rhk.heading': 'Planned work results (RHK)',
  'rhk.jenis.utama': 'Main',
  'rhk.jenis.tambahan': 'Additional',
  'rhk.label': 'RHK {index} ({jenis})',
  'rhk.rating': 'Rating: {rating}',
  'rhk.intervensi': "Supports the superior's RHK: {intervensi}",
  'rhk.none': 'No RHK yet.',
  'table.indicator': 'Indicator',
  'table.target': 'Target',
  'table.realisation': 'Realisation',
  'table.achievement': 'Achievement',
  'table.notAvailable': '–',
  'summary.resultsRating': 'Results rating',
  'summary.behaviourRating': 'Behaviour rating',
  'summary.predikat': 'Proposed performance rating (predikat)',

  'action.approve': 'Approve',
  'action.return': 'Return',
  'action.view': 'View details',
  'decision.approve': 'approved',
  'decision.return': 'returned',

  'digest.subject': 'Performance evaluations awaiting your decision: {count}',
  'digest.intro':
    "The following performance evaluations at the {stage} stage have been completed by the rater and await your approval as the rater's superior.",
  'digest.request': 'Please review each evaluation and approve it, or return it with a reason, by {deadline}.',
  'digest.count': 'Evaluations awaiting your decision: {count}',
  'digest.actAll': 'Review and decide on all at once',
  'digest.actAllHint': 'All of the evaluations above can be approved together on one confirmation page.',

  'skp.subject': 'Performance plans (SKP) awaiting your approval: {count}',
  'skp.intro':
    'The following performance plans (SKP) at the {stage} stage have been drafted by employees you rate and await your approval as their rater.',
  'skp.request':
    'Please review the RHK, indicators and targets of each plan and approve it, or return it with notes, by {deadline}.',
  'skp.actAll': 'Review and approve all plans at once',

  'reminder.subject': 'Reminder: decisions awaiting you ({count}), deadline {deadline}',
  'reminder.intro': 'This is a reminder that items at the {stage} stage still await your decision (pending: {count}).',
  'reminder.deadline':
    'The deadline is {deadline}. After it, undecided items will be escalated to your superior and to the performance management office.',
  'reminder.freshLinks':
    'The links in this email are the newest; links in earlier emails still work while they are valid.',

  'escalation.subject': 'Escalation: decisions pending with {approver} ({count})',
  'escalation.intro':
    '{approver} has not decided on the items below at the {stage} stage (pending: {count}). They have been waiting since {since}, and the deadline of {deadline} has passed.',
  'escalation.request':
    'Please follow up within your authority, for example by reminding the official, appointing an acting official (Plt./Plh.), or taking over the decision.',
  'escalation.approver': 'Official who has not decided',
  'escalation.deadline': 'Deadline',
  'escalation.pendingSince': 'Waiting since',
  'escalation.items': 'Undecided items',
  'escalation.open': 'Open',
  'escalation.dashboard': 'Open performance monitoring',

  'result.subject': 'Your performance evaluation for {cycle}: {predikat}',
  'result.intro': 'Your performance evaluation for {cycle} was finalised on {date}.',
  'result.predikat': 'Performance rating (predikat)',
  'result.objection.heading': 'Objection (keberatan)',
  'result.objection':
    'If you disagree with this result, you may file a written objection with your reasons to {approver} within {days} days of receiving it, that is by {deadline}.',
  'result.objection.final':
    "The rater's superior will hear both the rater and you before deciding. The decision on the objection is final.",
  'result.objection.approverFallback': "your rater's superior",
  'result.objectionButton': 'File an objection',
  'result.detailButton': 'View the full result',

  'delegation.kind.plt': 'Acting Official (Plt.)',
  'delegation.kind.plh': 'Daily Acting Official (Plh.)',
  'delegation.subject.delegate': 'Appointment as {kind} on behalf of {delegator}',
  'delegation.subject.delegator': 'Confirmation of {kind} appointment: {delegate}',
  'delegation.intro.delegate':
    'You have been appointed {kind} on behalf of {delegator} for the period {from} to {until}.',
  'delegation.intro.delegator':
    'The appointment of {delegate} as {kind} on your behalf for the period {from} to {until} has been recorded.',
  'delegation.effect.delegate':
    'During this period, performance approval requests addressed to {delegator} will be sent to you. Each decision is recorded in your name as {kind} and in the name of {delegator}.',
  'delegation.effect.delegator':
    'During this period, performance approval requests will be sent to {delegate}, and links sent to you earlier can no longer be used to decide.',
  'delegation.reason': 'Note: {reason}',
  'delegation.period': 'Period',
  'delegation.delegator': 'Appointed official',
  'delegation.delegate': 'Acting official',

  'page.skipToContent': 'Skip to content',
  'page.footer': 'Kinerja ASN — civil servant performance management under PermenPAN-RB No. 6/2022',
  'page.closeHint': 'You may close this page.',

  'page.confirm.title.evaluation': 'Performance evaluation approval',
  'page.confirm.title.skp': 'Performance plan (SKP) approval',
  'page.confirm.title.batch': 'Approval of {count} items at once',
  'page.confirm.notYet': 'Nothing has changed yet. A decision is recorded only when you press Approve or Return below.',
  'page.confirm.approveHeading': 'Approve',
  'page.confirm.returnHeading': 'Return with a reason',
  'page.confirm.approveAllHeading': 'Approve all',
  'page.confirm.approveAll': 'Approve all ({count})',
  'page.confirm.batchReturnHint': 'To return one of the items, use the Return button for that item in the email.',
  'page.confirm.comment': 'Comment (optional)',
  'page.confirm.reason': 'Reason for returning (required)',
  'page.confirm.reasonOptional': 'Reason for returning',
  'page.confirm.reasonHint': 'Explain what the rater needs to correct.',
  'page.confirm.error.reasonRequired': 'A reason for returning is required.',
  'page.confirm.error.reasonTooLong': 'The reason or comment is too long (at most {max} characters).',
  'page.confirm.error.invalidDecision': 'Choose Approve or Return.',

  'page.done.title': 'Your decision has been recorded',
  'page.done.body': 'The following items were {decision} on {date}.',
  'page.done.returned': 'The rater will be notified, together with your reason.',
  'page.done.comment': 'Your comment',
  'page.already.title': 'Already decided',
  'page.already.body': 'Already decided by {name} on {date}: {decision}.',
  'page.already.onBehalf': '{name}, acting on behalf of {principal}',
  'page.already.noEffect': 'This link made no change.',
  'page.escalated.title.escalated': 'This item has been escalated',
  'page.escalated.title.delegated': 'This decision has been delegated',
  'page.escalated.body.escalated':
    'The deadline passed and this item was escalated to {to} on {since}. This link can no longer be used to decide.',
  'page.escalated.body.delegated':
    'The decision on this item was delegated to {to} on {since}. This link can no longer be used to decide.',
  'page.escalated.toFallback': 'the responsible official',
  'page.escalated.contact': 'If you have questions, please contact the performance management office of your agency.',
  'page.link.title.expired': 'This link has expired',
  'page.link.title.invalid': 'This link is not valid',
  'page.link.body.expired': 'This link is no longer valid. For security, approval links are valid for a limited time only.',
  'page.link.body.tampered':
    'This link could not be verified; it may have been cut off or altered when copied. Nothing was changed.',
  'page.link.body.malformed': 'This link is incomplete; it may have been cut off when copied. Nothing was changed.',
  'page.link.body.unknownKey': 'This link was made with a security key that is no longer valid. Nothing was changed.',
  'page.link.howToGetNew':
    'To get a new link, wait for the next reminder email, which carries fresh links, or ask the performance management office (BKD/BKPSDM) of your agency to send the approval summary again.',
  'page.link.copyHint': 'If you copy a link by hand, make sure you copy the whole address.',
  'page.error.title.server': 'Something went wrong',
  'page.error.title.notFound': 'Page not found',
  'page.error.title.badRequest': 'The request could not be processed',
  'page.error.body.server':
    'Sorry, your request could not be processed because of a system problem. Your decision has not been recorded. Please try again in a few moments.',
  'page.error.body.notFound': 'The item you are looking for was not found or is no longer available.',
  'page.error.body.badRequest': 'The submitted data is incomplete or invalid. Please go back and try again.',
  'page.error.reference': 'Reference code: {id}',
};
