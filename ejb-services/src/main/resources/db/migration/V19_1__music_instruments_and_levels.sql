-- Issue 19: the folk-music catalogue's fixed points, as data. Instruments and the CNOS levels
-- (中国民族管弦乐学会考级, levels 1–10; 1–4 初级, 5–7 中级, 8–10 高级, DOMAIN §5). More
-- instruments are rows, not code; a level's group and names are settings an administrator may
-- change, the number is what exams and certificates refer to.
CREATE TABLE music_instrument (
  code        VARCHAR(20)  NOT NULL PRIMARY KEY,
  name_zh     VARCHAR(40)  NOT NULL,
  name_en     VARCHAR(60)  NOT NULL,
  family_zh   VARCHAR(20)  NOT NULL COMMENT '拉弦 弹拨 吹管 打击',
  family_en   VARCHAR(30)  NOT NULL,
  sort_order  INT          NOT NULL,
  active      BOOLEAN      NOT NULL DEFAULT TRUE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO music_instrument (code, name_zh, name_en, family_zh, family_en, sort_order) VALUES
  ('ERHU',     '二胡',   'erhu',     '拉弦', 'bowed strings',   10),
  ('PIPA',     '琵琶',   'pipa',     '弹拨', 'plucked strings', 20),
  ('GUZHENG',  '古筝',   'guzheng',  '弹拨', 'plucked strings', 30),
  ('DIZI',     '笛子',   'dizi',     '吹管', 'winds',           40),
  ('YANGQIN',  '扬琴',   'yangqin',  '弹拨', 'struck strings',  50),
  ('SUONA',    '唢呐',   'suona',    '吹管', 'winds',           60),
  ('RUAN',     '阮',     'ruan',     '弹拨', 'plucked strings', 70),
  ('SHENG',    '笙',     'sheng',    '吹管', 'winds',           80),
  ('HULUSI',   '葫芦丝', 'hulusi',   '吹管', 'winds',           90),
  ('LIUQIN',   '柳琴',   'liuqin',   '弹拨', 'plucked strings', 100);

CREATE TABLE music_level (
  level       INT          NOT NULL PRIMARY KEY,
  group_code  VARCHAR(20)  NOT NULL COMMENT 'ELEMENTARY INTERMEDIATE ADVANCED',
  group_zh    VARCHAR(20)  NOT NULL,
  group_en    VARCHAR(30)  NOT NULL,
  name_zh     VARCHAR(20)  NOT NULL,
  name_en     VARCHAR(30)  NOT NULL,
  CONSTRAINT ck_music_level CHECK (level BETWEEN 1 AND 10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO music_level (level, group_code, group_zh, group_en, name_zh, name_en) VALUES
  (1,  'ELEMENTARY',   '初级', 'elementary',   '一级', 'level 1'),
  (2,  'ELEMENTARY',   '初级', 'elementary',   '二级', 'level 2'),
  (3,  'ELEMENTARY',   '初级', 'elementary',   '三级', 'level 3'),
  (4,  'ELEMENTARY',   '初级', 'elementary',   '四级', 'level 4'),
  (5,  'INTERMEDIATE', '中级', 'intermediate', '五级', 'level 5'),
  (6,  'INTERMEDIATE', '中级', 'intermediate', '六级', 'level 6'),
  (7,  'INTERMEDIATE', '中级', 'intermediate', '七级', 'level 7'),
  (8,  'ADVANCED',     '高级', 'advanced',     '八级', 'level 8'),
  (9,  'ADVANCED',     '高级', 'advanced',     '九级', 'level 9'),
  (10, 'ADVANCED',     '高级', 'advanced',     '十级', 'level 10');
