-- issue 14, finding 3: the files of each imported course that learners may fetch, listed at
-- import. Quiz and bank sources are never on the list. A course imported before this list existed
-- gets its list at the first request for one of its files.
CREATE TABLE course_asset (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  content_dir VARCHAR(200)  NOT NULL,
  path        VARCHAR(1000) NOT NULL,
  path_sha256 CHAR(64)      NOT NULL,
  UNIQUE KEY uq_course_asset (content_dir, path_sha256)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
