const THIS_YEAR = new Date().getFullYear();
/** Income years offered in filters and forms: this year back to 2020. */
export const YEARS = Array.from({ length: THIS_YEAR - 2019 }, (_, i) => THIS_YEAR - i);
