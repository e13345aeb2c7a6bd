import { describe, expect, it } from 'vitest';
import { topicAnalysisText, type TopicAnalysisInput, type TopicBlock, type TopicSuggestion } from './topic-analysis.js';
import { keyTermsOf } from './topic-analysis.terms.js';

// The analysis's words from known counts: six suggestions of three categories, two delegations
// and a deputy without one; education is the one category mapped to a committee.

const s = (
  number: number,
  title: string,
  body: string,
  categoryCode: string,
  leadDeputyName: string,
  delegationName: string | null,
): TopicSuggestion => ({
  number,
  title,
  body,
  categoryCode,
  leadDeputyName,
  delegationName,
  delegationId: delegationName === null ? null : delegationName === '长沙代表团' ? 1 : 2,
});

const input: TopicAnalysisInput = {
  sessionLabel: '省十三届人大三次会议',
  suggestions: [
    s(1, '关于加快农村公路提质改造的建议', '农村公路等级低，养护资金不足。', 'transport', '张建国', '长沙代表团'),
    s(2, '关于加强农村公路安全防护的建议', '农村公路临水临崖路段缺少护栏。', 'transport', '李秀英', '长沙代表团'),
    s(3, '关于改善农村客运条件的建议', '农村客运班线少，群众出行难。', 'transport', '王志强', '岳阳代表团'),
    s(4, '关于建设乡村学校食堂的建议', '乡村学校食堂条件差。', 'education', '张建国', '长沙代表团'),
    s(5, '关于改善乡村学校宿舍的建议', '乡村学校宿舍拥挤。', 'education', '吴丽', null),
    s(6, '关于发展特色农业的建议', '发展特色种植业。', 'agriculture', '王志强', '岳阳代表团'),
  ],
  categories: [
    { code: 'agriculture', name: '农业农村', committeeId: null },
    { code: 'education', name: '教育', committeeId: 1 },
    { code: 'health', name: '医疗卫生', committeeId: 1 },
    { code: 'transport', name: '交通运输', committeeId: null },
  ],
  committees: [
    { id: 1, name: '教育科学文化卫生委员会' },
    { id: 2, name: '财政经济委员会' },
  ],
};

const texts = (blocks: TopicBlock[]) => blocks.map((b) => (b.kind === 'table' ? b.rows : b.text));

describe('the topic analysis in words', () => {
  const text = topicAnalysisText(input);
  const [categories, delegations, terms, committees] = text.sections;

  it('is titled by the session and opens with the numbers', () => {
    expect(text.title).toBe('省十三届人大三次会议代表建议内容分析');
    expect(text.opening).toBe(
      '本次会议期间，经审查立案的代表建议共6件，涉及3个类别，由2个代表团的代表领衔提出。' +
        '其中，交通运输类最多，3件，占50.0%；长沙代表团提出最多，3件，占50.0%。现将建议内容分析如下。',
    );
    expect(text.sections.map((x) => x.heading)).toEqual([
      '一、建议类别分布情况',
      '二、各代表团提出建议情况',
      '三、代表关注的主要问题',
      '四、各专门委员会对口建议清单',
    ]);
  });

  it('counts by category and by delegation, most first, with shares and a total', () => {
    expect(texts(categories!.blocks)).toEqual([
      '从类别看，建议较多的是交通运输类（3件，占50.0%）、教育类（2件，占33.3%）和农业农村类（1件，占16.7%），各类别件数见下表。',
      [
        ['交通运输类', '3', '50.0%'],
        ['教育类', '2', '33.3%'],
        ['农业农村类', '1', '16.7%'],
        ['合计', '6', '100.0%'],
      ],
    ]);
    expect(texts(delegations!.blocks)).toEqual([
      '按领衔代表所在代表团统计，提出建议较多的是长沙代表团（3件，占50.0%）和岳阳代表团（2件，占33.3%），各代表团件数见下表。',
      [
        ['长沙代表团', '3', '50.0%'],
        ['岳阳代表团', '2', '33.3%'],
        ['未归属代表团', '1', '16.7%'],
        ['合计', '6', '100.0%'],
      ],
    ]);
  });

  it('names each category’s key terms with the suggestions that hold them', () => {
    const [intro, transport, education, agriculture] = texts(terms!.blocks) as string[];
    expect(intro).toBe('对各类建议的标题和正文分词后按TF-IDF方法提取关键词，括号内为提及该关键词的建议件数。');
    expect(transport).toMatch(/^（一）交通运输类，共3件。代表关注较多的是“农村公路”（2件）、/);
    expect(education).toMatch(/^（二）教育类，共2件。代表关注较多的是“乡村”（2件）、/);
    expect(agriculture).toMatch(/^（三）农业农村类，共1件。代表关注较多的是.*“种植业”（1件）.*等方面。$/);
    for (const list of Object.values(text.keyTerms)) {
      expect(list.length).toBeLessThanOrEqual(8);
      for (const k of list) expect(k.term).not.toMatch(/^(建议|关于|加强|推进|问题|工作|.|\d+)$/u);
    }
  });

  it('lists each mapped committee’s suggestions by number, and says what no committee takes', () => {
    expect(texts(committees!.blocks)).toEqual([
      '按建议类别与专门委员会的对口关系，各专门委员会对口联系的建议如下。',
      '（一）教育科学文化卫生委员会（对口教育类和医疗卫生类，共2件）',
      [
        ['第4号', '关于建设乡村学校食堂的建议', '张建国', '长沙代表团'],
        ['第5号', '关于改善乡村学校宿舍的建议', '吴丽', ''],
      ],
      '另有4件建议所属类别尚未设定对口专门委员会（交通运输类3件、农业农村类1件），未列入上述清单。',
    ]);
  });

  it('says when two lead with the same count, and when there is nothing yet', () => {
    const tied = topicAnalysisText({ ...input, suggestions: input.suggestions.slice(2, 4) });
    expect(tied.opening).toBe(
      '本次会议期间，经审查立案的代表建议共2件，涉及2个类别，由2个代表团的代表领衔提出。' +
        '其中，教育类和交通运输类最多，各1件，各占50.0%；长沙代表团和岳阳代表团提出最多，各1件，各占50.0%。现将建议内容分析如下。',
    );
    const none = topicAnalysisText({ ...input, suggestions: [] });
    expect(none.opening).toBe('本次会议期间尚无经审查立案的代表建议。');
    expect(none.sections).toEqual([]);
  });
});

describe('key terms', () => {
  it('leave out the words of the genre, digits and single characters', () => {
    const terms = keyTermsOf(['关于进一步加强2026年工作的建议', '建议推进问题解决', '']);
    expect(terms).toEqual([]);
    expect(keyTermsOf([])).toEqual([]);
  });

  it('rank a word several suggestions share first, and count the suggestions holding it', () => {
    const terms = keyTermsOf([
      '关于加快农村公路提质改造的建议\n农村公路等级低。',
      '关于农村公路养护的建议\n农村公路养护资金不足。',
      '关于改善农村客运条件的建议\n客运班线少。',
    ]);
    expect(terms[0]).toEqual({ term: '农村公路', weight: expect.any(Number), suggestions: 2 });
  });
});
