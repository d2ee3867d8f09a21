/**
 * CNOS graded exams (issue 19): the transaction and security boundary, split by job. {@code
 * ExamScheduling} (sessions, placements, registration, panels with recusal, an examiner's declared
 * conflict), {@code ExamMarking} (an examiner's marks, whose marks a reader sees), {@code
 * ExamService} (what becomes evidence: the performance, the published result, the certificate and
 * its verification), {@code ExamQueries} (queues, results, statistics), sharing {@code
 * ExamReadModel} (a candidate, who may read him, his line); {@code ExamCreditService} (the ledger
 * credit a pass proposes) and {@code CertificatePackageService} (a certificate's export).
 * Candidates' names and sections come from organisation's {@code InmateDirectory}, the examiners
 * and their sections from identity's {@code AccountDirectory}. The services hold no SQL: their rows
 * go through {@code domain.exam}'s repositories (ADR 0013).
 */
package cn.xinsheng.music.application.exam;
