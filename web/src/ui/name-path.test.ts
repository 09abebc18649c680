import { describe, expect, it } from 'vitest';
import { toNamePath } from './name-path';

describe('toNamePath', () => {
  it('turns a server field path into a form name path without the request part', () => {
    expect(toNamePath('body.members.2.idNumber')).toEqual(['members', 2, 'idNumber']);
    expect(toNamePath('idNumber')).toEqual(['idNumber']);
    expect(toNamePath('querystring.year')).toEqual(['year']);
  });
});
