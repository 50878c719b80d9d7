package org.conference.callback;

import org.conference.testsupport.architecture.ArchitectureContract;

class ArchitectureTest extends ArchitectureContract {
}
