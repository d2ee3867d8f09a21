package cn.xinsheng.organisation.domain;

import java.util.List;
import java.util.Optional;

public interface SectionRepository {
  List<Section> findAll();

  Optional<Section> find(long id);
}
