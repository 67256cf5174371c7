#pragma once
// The classify stage: which personal data flows into each detection. Names,
// keys and identifier-like strings in the matched expressions are classified,
// and simple local data flow carries categories through variables:
//   const e = user.email;  analytics.track('signup', {e})   -> user.contact.email
#include <vector>

#include "scanner/classify/datatypes.h"
#include "scanner/core/point.h"
#include "scanner/detect/mapping_library.h"

namespace ps {

std::vector<CollectionPoint> classify_detections(const ParsedFile& file, const std::vector<Detection>& detections,
                                                 const MappingLibrary& library, const DataTypeClassifier& classifier);

}  // namespace ps
