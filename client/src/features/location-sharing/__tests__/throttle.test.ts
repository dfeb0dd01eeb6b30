import { metersBetween, shouldSend, type Fix } from '../utils/throttle';

const at = (seconds: number, northMeters = 0, accuracy = 10): Fix => ({
  latitude: 51.5 + northMeters / 111_195,
  longitude: -0.12,
  accuracy,
  at: seconds * 1000,
});

describe('location sharing throttle', () => {
  it('sends the first fix, then every 15 s standing still', () => {
    expect(shouldSend(undefined, at(0))).toBe(true);
    expect(shouldSend(at(0), at(14))).toBe(false);
    expect(shouldSend(at(0), at(15))).toBe(true);
  });

  it('sends sooner once the courier has moved 50 m, but never twice within 4 s', () => {
    expect(shouldSend(at(0), at(6, 49))).toBe(false);
    expect(shouldSend(at(0), at(6, 51))).toBe(true);
    expect(shouldSend(at(0), at(3, 200))).toBe(false);
  });

  it('never sends a fix too imprecise to show', () => {
    expect(shouldSend(undefined, at(0, 0, 1500))).toBe(false);
  });

  it('measures metres on the ground', () => {
    expect(metersBetween(at(0), at(0, 1000))).toBeCloseTo(1000, -1);
  });
});
