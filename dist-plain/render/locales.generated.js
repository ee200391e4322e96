import { ru } from './strings-ru.js';
export const bundledLocales = [{ code: 'ru', strings: ru }];
//# sourceMappingURL=locales.generated.js.map