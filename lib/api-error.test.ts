import { describe, expect, it } from 'vitest';
import { ApiError, clientError, fieldProblem, groupFieldErrors, isApiErrorCode } from './api-error';

describe('the error contract', () => {
  it('knows the server codes and the ones the browser makes up, and nothing else', () => {
    expect(isApiErrorCode('validation_failed')).toBe(true);
    expect(isApiErrorCode('network_error')).toBe(true);
    expect(isApiErrorCode('toString')).toBe(false);
    expect(isApiErrorCode(42)).toBe(false);
  });

  it('gives a browser-made error its status: busy is a conflict, the rest 0', () => {
    expect(clientError('busy', 'streaming')).toMatchObject({ status: 409, code: 'busy' });
    expect(clientError('storage', 'full')).toMatchObject({ status: 0, code: 'storage', message: 'full' });
  });

  it('reads the problem of a refused field without the field in front', () => {
    const error = new ApiError(
      400,
      'validation_failed',
      'options.port: too small',
      undefined,
      undefined,
      'options.port',
    );
    expect(fieldProblem(error)).toBe('too small');
    expect(fieldProblem(new ApiError(400, 'validation_failed', 'port: too small'))).toBe('port: too small');
  });

  it('puts a refused launch option beside its field in the form, and nothing else', () => {
    const refused = (field?: string, code: 'validation_failed' | 'conflict' = 'validation_failed') =>
      new ApiError(400, code, `${field}: must be at least 1024`, undefined, undefined, field);
    expect(groupFieldErrors(refused('options.maxModelLen'), 'options')).toEqual({
      maxModelLen: 'must be at least 1024',
    });
    expect(groupFieldErrors(refused('options.extraArgs.1'), 'options')).toEqual({
      extraArgs: 'must be at least 1024',
    });
    expect(groupFieldErrors(refused('profile'), 'options')).toEqual({});
    expect(groupFieldErrors(refused(undefined), 'options')).toEqual({});
    expect(groupFieldErrors(refused('options.port', 'conflict'), 'options')).toEqual({});
    expect(groupFieldErrors(null, 'options')).toEqual({});
  });
});
