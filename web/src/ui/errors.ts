import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';
import { toNamePath } from './name-path';

/**
 * Shows an error from the API: field errors go onto the matching fields of `form` (when given),
 * everything else becomes a message. A 409 tells the user the record changed and to reload.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error(t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) }));
        return;
      }
      if (error.status === 409) {
        message.error(t('errors.stale'));
        return;
      }
      if (error.status === 0) {
        message.error(t('errors.network'));
        return;
      }
      const unmatched: string[] = [];
      if (form && error.details.length) {
        const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
        const fields: { name: (string | number)[]; errors: string[] }[] = [];
        for (const d of error.details) {
          const name = toNamePath(d.path);
          if (registered.has(JSON.stringify(name))) {
            const existing = fields.find((f) => JSON.stringify(f.name) === JSON.stringify(name));
            if (existing) existing.errors.push(d.message);
            else fields.push({ name, errors: [d.message] });
          } else unmatched.push(d.path ? `${d.path}: ${d.message}` : d.message);
        }
        form.setFields(fields);
        if (fields.length && !unmatched.length) {
          message.error(error.message);
          return;
        }
      } else unmatched.push(...error.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)));
      message.error(unmatched.length ? `${error.message}: ${unmatched.slice(0, 5).join('; ')}` : error.message);
    },
    [message, t],
  );
}
