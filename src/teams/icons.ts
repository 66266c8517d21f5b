import { PNG } from 'pngjs';
import { ACCENT_COLOR } from './manifest.js';

/**
 * The app's icons, drawn in code so the package needs no binary files: a play symbol in a ring.
 * Teams wants a 192x192 full-colour icon (opaque background, symbol in the middle) and a 32x32
 * outline icon (white symbol on a transparent background).
 */

/** Is the point (u, v), in units of the ring's outer radius around the centre, on the symbol? */
function onSymbol(u: number, v: number): boolean {
  const distance = Math.hypot(u, v);
  if (distance <= 1 && distance >= 0.8) return true; // the ring
  // the play triangle: left edge at u = -0.3, tip at (0.45, 0), half height 0.4 at the left edge
  if (u < -0.3 || u > 0.45) return false;
  return Math.abs(v) <= (0.4 * (0.45 - u)) / 0.75;
}

/** Share of each pixel covered by the symbol (0..1), 4x4 samples per pixel for smooth edges. */
function coverage(size: number, ringRadius: number): Float64Array {
  const samples = 4;
  const result = new Float64Array(size * size);
  const centre = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples - centre) / ringRadius;
          const v = (y + (sy + 0.5) / samples - centre) / ringRadius;
          if (onSymbol(u, v)) hits++;
        }
      }
      result[y * size + x] = hits / (samples * samples);
    }
  }
  return result;
}

function hexColor(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** 192x192, opaque: a white symbol in the central safe area on the accent colour. */
export function drawColorIcon(): Buffer {
  const size = 192;
  const [red, green, blue] = hexColor(ACCENT_COLOR);
  const covered = coverage(size, size * 0.3);
  const png = new PNG({ width: size, height: size });
  covered.forEach((share, i) => {
    png.data[i * 4] = Math.round(red + (255 - red) * share);
    png.data[i * 4 + 1] = Math.round(green + (255 - green) * share);
    png.data[i * 4 + 2] = Math.round(blue + (255 - blue) * share);
    png.data[i * 4 + 3] = 255;
  });
  return PNG.sync.write(png);
}

/** 32x32: the same symbol in white, transparent everywhere else (edges are white with partial alpha). */
export function drawOutlineIcon(): Buffer {
  const size = 32;
  const covered = coverage(size, size * 0.44);
  const png = new PNG({ width: size, height: size });
  covered.forEach((share, i) => {
    png.data.fill(255, i * 4, i * 4 + 3);
    png.data[i * 4 + 3] = Math.round(255 * share);
  });
  return PNG.sync.write(png);
}
