// Русские строки чтения шагов, повтора, начала заново, двузначных номеров действий и выхода.
// Ключи те же, что в strings-learner-en.ts.
import type {PluralForms} from './strings-en.js';
import type {learnerEn} from './strings-learner-en.js';

export const learnerRu: Record<keyof typeof learnerEn, string | PluralForms> = {
  'picker.finished': 'пройден',
  'intro.keysNotReady': 'r читать шаги (ничего не запускается) · ? справка · q выход',
  'intro.keysFinished': 'Enter/r просмотр · o заново · ? справка · q выход',
  'finished.done': {
    one: 'Сценарий пройден: пройден {n} шаг из {n}.',
    few: 'Сценарий пройден: все {n} шага пройдены.',
    many: 'Сценарий пройден: все {n} шагов пройдены.',
    other: 'Сценарий пройден: все {n} шага пройдены.',
  },
  'finished.review': 'Enter или r: просмотреть шаги (ничего не запускается)',
  'finished.over': 'o: начать заново в чистой рабочей папке (с подтверждением)',
  'restart.ask': 'Начать заново? Рабочая папка {name} будет очищена, прогресс сброшен. (y/n)',
  'reading.notReady': 'Только чтение — ничего не запускается: эта машина не готова ({checks}).',
  'reading.review': 'Просмотр — все шаги пройдены; здесь ничего не запускается.',
  'reading.mark': '· только чтение',
  'reading.markReview': '· просмотр · ✔ пройден',
  'reading.keys': 'n/p шаг · Esc начальная страница · q выход',
  'reading.keysReview': 'n/p шаг · o заново · Esc начальная страница · q выход',
  'reading.noRun': 'Действие {n} здесь не запускается: эта машина не готова. Исправьте (katarun doctor {id}) и начните.',
  'reading.noRunReview': 'В просмотре действие {n} не запускается: o — начать заново и пройти шаги снова.',
  'reading.last': 'Это был последний шаг. Esc — назад на начальную страницу.',
  'action.pending': 'Действие {n}… — вторая цифра выберет {from}–{to}; Enter запустит {n} сейчас.',
  'farewell.saved': 'Прогресс сохранён на шаге {step}/{total}. Чтобы продолжить: {command}',
  'farewell.finished': 'Сценарий «{title}» пройден. Чтобы просмотреть его или начать заново: {command}',
};
