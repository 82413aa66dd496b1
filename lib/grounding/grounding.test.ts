import { describe, expect, it } from 'vitest';
import { groundingFamily, parseGrounding, toRelative } from './index';

// Real model outputs, quoted verbatim (typos included) from where they were published.
const QWEN25_MOTORCYCLISTS = [
  // Qwen2.5-VL blog (qwenlm.github.io/blog/qwen2.5-vl, "Precise Object Grounding"), the reply to
  // "Detect all motorcyclists in the image and return their locations in the form of coordinates. …"
  '```json',
  '[',
  '\t{"bbox_2d": [341, 258, 397, 360], "label": "motorcyclist", "sub_label": "not wearing helmat "},',
  '\t{"bbox_2d": [212, 332, 274, 448], "label": "motorcyclist", "sub_label": "not wearing helmat "},',
  '\t{"bbox_2d": [66, 124, 112, 198], "label": "motorcyclist", "sub_label": "not wearing helmat "},',
  '\t{"bbox_2d": [5, 235, 63, 320], "label": "motorcyclist", "sub_label": "wearing helmat "}',
  ']',
  '```',
].join('\n');

// Qwen2.5-VL cookbook (QwenLM/Qwen2.5-VL cookbooks/spatial_understanding.ipynb) reads points as
// `item["point_2d"]` with a `label`: the shape of its point answers.
const QWEN25_POINTS = '```json\n[\n\t{"point_2d": [120, 80], "label": "cup"}\n]\n```';

// InternVL grounding caption in the All-Seeing-v2 format (OpenGVLab), as quoted in public visualisation code:
// `<ref>` labels, `<box>` lists on 0–1000, and relation boxes after `<pred>` without a `<ref>`.
const INTERNVL_CAPTION =
  'In the image, a tall red <ref>bus</ref><box>[[290, 202, 835, 851]]</box> is <pred>driving on</pred><box>[[290, 202, 835, 851]]</box><box>[[0, 604, 984, 999]]</box> a <ref>road</ref><box>[[0, 604, 984, 999]]</box> through a busy intersection in a metropolitan area. The bus is surrounded by various <ref>cars</ref><box>[[827, 590, 885, 682], [1, 604, 238, 804], [927, 596, 935, 620], [905, 592, 931, 645], [930, 592, 938, 616], [878, 590, 910, 660]]</box>, with one car <pred>beside</pred><box>[[1, 604, 238, 804]]</box><box>[[290, 202, 835, 851]]</box> the bus.';

// InternVL fine-tuning data for "Please provide the bounding box coordinate of the region this sentence
// describes: <ref>circle</ref>" (public InternVL grounding conversation).
const INTERNVL_MULTI =
  '<ref>circle</ref><box>[[278,24,354,100],[515,10,611,106],[174,299,228,353],[407,415,489,497]]</box>';

// ERNIE-4.5-VL: no verbatim reply was found in its model card or cookbooks. PaddlePaddle/ERNIE#1364 shows the
// prompt (JSON `{"res":[{"text":…,"pos":[x1,y1,x2,y2]}]}`) and the maintainers' answer that boxes are on a
// 0–1000 grid; this is a reply of that requested shape, not a quoted one.
const ERNIE_REQUESTED_SHAPE = '{"res":[{"text":"发票","pos":[100,50,400,120]}]}';

function must<T>(value: T | null | undefined): T {
  if (value == null) throw new Error('nothing parsed');
  return value;
}

describe('grounding formats', () => {
  it('reads Qwen2.5-VL boxes in pixels of the image it was sent', () => {
    const result = parseGrounding(QWEN25_MOTORCYCLISTS, 'Qwen/Qwen2.5-VL-7B-Instruct');
    expect(result?.family).toBe('qwen2.5-vl');
    expect(result?.space).toBe('pixels');
    expect(result?.shapes).toHaveLength(4);
    expect(result?.shapes[0]).toEqual({
      kind: 'box',
      label: 'motorcyclist',
      x1: 341,
      y1: 258,
      x2: 397,
      y2: 360,
    });
    const [first] = toRelative(must(result), { width: 682, height: 516 });
    expect(first).toMatchObject({ left: 0.5, top: 0.5 });
    expect(first?.kind === 'box' && first.width).toBeCloseTo(56 / 682);
  });

  it('reads Qwen2.5-VL points', () => {
    const result = parseGrounding(QWEN25_POINTS, 'Qwen/Qwen2.5-VL-7B-Instruct');
    expect(result?.shapes).toEqual([{ kind: 'point', label: 'cup', x: 120, y: 80 }]);
    expect(toRelative(must(result), { width: 240, height: 160 })).toEqual([
      { kind: 'point', label: 'cup', x: 0.5, y: 0.5 },
    ]);
  });

  it('reads InternVL ref/box pairs on the 0–1000 grid, each object once', () => {
    const result = parseGrounding(INTERNVL_CAPTION, 'OpenGVLab/InternVL2-8B-AWQ');
    expect(result?.family).toBe('internvl');
    expect(result?.shapes.map((s) => s.label)).toEqual(['bus', 'road', ...Array(6).fill('cars')]);
    const [bus] = toRelative(must(result), null);
    expect(bus).toMatchObject({ kind: 'box', label: 'bus', left: 0.29, top: 0.202 });
    expect(parseGrounding(INTERNVL_MULTI, 'internvl2')?.shapes).toHaveLength(4);
  });

  it('reads ERNIE-4.5-VL JSON boxes on the 0–1000 grid', () => {
    const result = parseGrounding(ERNIE_REQUESTED_SHAPE, 'baidu/ERNIE-4.5-VL-28B-A3B-Thinking');
    expect(result).toMatchObject({ family: 'ernie-4.5-vl', space: 'grid1000' });
    expect(toRelative(must(result), { width: 10, height: 10 })[0]).toMatchObject({
      label: '发票',
      left: 0.1,
      top: 0.05,
    });
  });

  it('tells the format by syntax when the model is of no known family', () => {
    expect(parseGrounding(INTERNVL_MULTI, 'demo/vlm-demo')?.family).toBe('internvl');
    expect(parseGrounding(QWEN25_MOTORCYCLISTS, null)?.family).toBe('qwen2.5-vl');
  });

  it('finds nothing in plain prose, broken JSON or a table of numbers', () => {
    expect(
      parseGrounding('The car is at the left of the picture.', 'Qwen/Qwen2.5-VL-7B-Instruct'),
    ).toBeNull();
    expect(parseGrounding('{"bbox_2d": [1, 2, 3', 'Qwen/Qwen2.5-VL-7B-Instruct')).toBeNull();
    expect(parseGrounding('[1, 2, 3, 4]', 'Qwen/Qwen2.5-VL-7B-Instruct')).toBeNull();
  });

  it('needs the sent size for pixel coordinates', () => {
    const result = parseGrounding(QWEN25_MOTORCYCLISTS, 'Qwen/Qwen2.5-VL-7B-Instruct');
    expect(toRelative(must(result), null)).toEqual([]);
  });

  it('names the family of the profiles’ models', () => {
    expect(groundingFamily('cyankiwi/ERNIE-4.5-VL-28B-A3B-Thinking-AWQ-4bit')).toBe('ernie-4.5-vl');
    expect(groundingFamily('Qwen/Qwen2.5-VL-7B-Instruct')).toBe('qwen2.5-vl');
    expect(groundingFamily('OpenGVLab/InternVL2-8B-AWQ')).toBe('internvl');
    expect(groundingFamily('demo/vlm-demo')).toBeNull();
  });
});
