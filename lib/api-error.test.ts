import { describe, expect, it } from 'vitest';
import { ApiError, clientError, fieldProblem, isApiErrorCode } from './api-error';

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
});
