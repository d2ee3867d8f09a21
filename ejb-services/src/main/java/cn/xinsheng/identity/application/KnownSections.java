package cn.xinsheng.identity.application;

/**
 * What identity needs to know of the prison's structure: whether a section an officer is assigned
 * to exists. Identity owns this port and organisation implements it, because organisation already
 * depends on identity (a caller's sections are on his account): the two stay free of a cycle.
 */
public interface KnownSections {

  boolean exists(long sectionId);
}
