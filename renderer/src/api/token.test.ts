import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../lib/storage';
import { addressWithoutToken, resolveToken, tokenFromSearch, tokenStorageKey } from './token';

describe('tokenFromSearch', () => {
  it('reads the token parameter', () => {
    expect(tokenFromSearch('?token=abc_DEF-123')).toBe('abc_DEF-123');
  });

  it('is undefined when absent or blank', () => {
    expect(tokenFromSearch('')).toBeUndefined();
    expect(tokenFromSearch('?token=')).toBeUndefined();
    expect(tokenFromSearch('?other=1')).toBeUndefined();
  });
});

describe('resolveToken', () => {
  it('remembers a token from the URL for later reloads', () => {
    const storage = memoryStorage();
    expect(resolveToken('?token=first', storage)).toBe('first');
    expect(storage.getItem(tokenStorageKey)).toBe('first');
    expect(resolveToken('', storage)).toBe('first');
  });

  it('lets a newer URL token replace the remembered one', () => {
    const storage = memoryStorage();
    resolveToken('?token=old', storage);
    expect(resolveToken('?token=new', storage)).toBe('new');
    expect(resolveToken('', storage)).toBe('new');
  });

  it('is undefined when neither the URL nor this tab has one', () => {
    expect(resolveToken('', memoryStorage())).toBeUndefined();
  });
});

describe('addressWithoutToken', () => {
  it('removes the token and keeps the path, other parameters and the screen', () => {
    expect(addressWithoutToken('http://127.0.0.1:4310/?token=s3cret&x=1#/runs')).toBe('/?x=1#/runs');
    expect(addressWithoutToken('http://127.0.0.1:4310/?token=s3cret')).toBe('/');
  });

  it('is undefined when there is no token to remove', () => {
    expect(addressWithoutToken('http://127.0.0.1:4310/#/runs')).toBeUndefined();
  });
});
