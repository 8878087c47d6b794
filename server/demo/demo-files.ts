import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { seededRandom, type Random } from '../../core/random/seeded.ts';

// The pictures and the scan a unit uploads, drawn from a seed so every case has its own bytes (the
// same photo in two cases is a finding of the similarity check, not something to plant by chance).

const hsl = (random: Random, s: number, l: number) => `hsl(${random.int(0, 359)},${s}%,${l}%)`;

/** A small JPEG "photo": sky, ground, buildings and a row of people, in the seed's colours. */
export async function demoPhoto(seed: string): Promise<Buffer> {
  const random = seededRandom(`photo:${seed}`);
  const w = 640;
  const h = 420;
  const horizon = random.int(180, 260);
  const shapes: string[] = [
    `<rect width="${w}" height="${horizon}" fill="${hsl(random, 55, 78)}"/>`,
    `<rect y="${horizon}" width="${w}" height="${h - horizon}" fill="${hsl(random, 35, 45)}"/>`,
  ];
  for (let x = random.int(-20, 30); x < w; x += random.int(70, 140)) {
    const bh = random.int(60, horizon - 20);
    shapes.push(`<rect x="${x}" y="${horizon - bh}" width="${random.int(50, 110)}" height="${bh}" fill="${hsl(random, 20, random.int(55, 85))}"/>`);
  }
  const people = random.int(4, 12);
  for (let i = 0; i < people; i += 1) {
    const x = 40 + (i * (w - 80)) / people + random.int(-10, 10);
    const y = horizon + random.int(40, 120);
    shapes.push(`<circle cx="${x}" cy="${y}" r="11" fill="#f1c9a5"/><rect x="${x - 14}" y="${y + 12}" width="28" height="50" rx="8" fill="${hsl(random, 60, 40)}"/>`);
  }
  if (random.chance(0.6)) shapes.push(`<rect x="${random.int(60, 300)}" y="${horizon - 150}" width="260" height="34" fill="#c8102e"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${shapes.join('')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 72 }).toBuffer();
}

/** A one-page PDF holding a "scan" of the sealed declaration form: lines of writing and two red seals. */
export async function demoSealedScan(seed: string): Promise<Buffer> {
  const random = seededRandom(`scan:${seed}`);
  const w = 620;
  const h = 877;
  const parts: string[] = [`<rect width="${w}" height="${h}" fill="#f7f5ef"/>`, `<rect x="160" y="50" width="300" height="18" fill="#555"/>`];
  for (let y = 110; y < h - 220; y += 26) {
    parts.push(`<rect x="60" y="${y}" width="${random.int(200, 500)}" height="7" fill="#8a8a8a"/>`);
  }
  for (const [cx, cy] of [[random.int(380, 460), h - 170], [random.int(380, 460), h - 80]] as const) {
    parts.push(
      `<g transform="rotate(${random.int(-15, 15)} ${cx} ${cy})" fill="none" stroke="#d0142c" opacity="0.8">` +
        `<circle cx="${cx}" cy="${cy}" r="52" stroke-width="5"/><circle cx="${cx}" cy="${cy}" r="9" fill="#d0142c"/></g>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${parts.join('')}</svg>`;
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 60 }).toBuffer();
  const pdf = await PDFDocument.create();
  pdf.setProducer('zhengji demo');
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const image = await pdf.embedJpg(jpeg);
  const page = pdf.addPage([595, 842]);
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await pdf.save());
}
