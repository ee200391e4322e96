// The learner's ways in and out of a scenario: reading the steps without running them (a machine
// that is not ready, the review of a finished scenario), starting over, the two-digit action
// jump, and what quitting says. Kept apart so they do not interleave with the rest;
// strings-learner-ru.ts has the same keys.

export const learnerEn = {
  'picker.finished': 'finished',
  'intro.keysNotReady': 'r read the steps (nothing runs) · ? help · q quit',
  'intro.keysFinished': 'Enter/r review · o start over · ? help · q quit',
  'finished.done': {one: 'You finished this scenario: its {n} step passed.', other: 'You finished this scenario: all {n} steps passed.'},
  'finished.review': 'Enter or r: review the steps (nothing runs)',
  'finished.over': 'o: start over in a fresh workspace (asks first)',
  'restart.ask': 'Start over? The workspace of {name} is emptied and its progress reset. (y/n)',
  'reading.notReady': 'Reading only — nothing runs: this machine is not ready ({checks}).',
  'reading.review': 'Review — every step passed; nothing runs here.',
  'reading.mark': '· reading only',
  'reading.markReview': '· review · ✔ passed',
  'reading.keys': 'n/p step · Esc start page · q quit',
  'reading.keysReview': 'n/p step · o start over · Esc start page · q quit',
  'reading.noRun': 'Action {n} does not run here: this machine is not ready. Fix it (katarun doctor {id}), then start.',
  'reading.noRunReview': 'Action {n} does not run in the review: o starts over to run the steps again.',
  'reading.last': 'That was the last step. Esc goes back to the start page.',
  'action.pending': 'Action {n}… — a second digit picks {from}–{to}; Enter runs {n} now.',
  'farewell.saved': 'Progress saved at step {step}/{total}. To continue: {command}',
  'farewell.finished': 'You finished {title}. To review it or start over: {command}',
};
