import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './db.js';

describe('the embedded database folder is locked against a second process', () => {
  it('refuses a folder held by a live process, with a message saying which', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-lock-'));
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dir, 'lianxin.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(`正被另一个连心进程（PID ${other.pid}）使用`);
    } finally {
      other.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock left behind by a process that died, and releases it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-lock-'));
    fs.writeFileSync(path.join(dir, 'lianxin.lock'), '999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'lianxin.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'lianxin.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
