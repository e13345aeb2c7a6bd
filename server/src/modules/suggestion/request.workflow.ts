import { defineWorkflow } from '../../platform/workflow.js';

// The two requests a unit (or the lead deputy) puts to the liaison office: to move a
// suggestion to other units (调整申请), and to reply later (延期申请). The office rules once.

export const reassignmentRequestWorkflow = defineWorkflow({
  record: 'reassignment_request',
  states: ['pending', 'accepted', 'rejected'] as const,
  actorRoles: { liaison_office: 'liaison_office' },
  transitions: {
    accept: { from: ['pending'], to: 'accepted', who: ['liaison_office'] },
    reject: { from: ['pending'], to: 'rejected', who: ['liaison_office'] },
  },
});

export const extensionRequestWorkflow = defineWorkflow({
  record: 'extension_request',
  states: ['pending', 'granted', 'refused'] as const,
  actorRoles: { liaison_office: 'liaison_office' },
  transitions: {
    grant: { from: ['pending'], to: 'granted', who: ['liaison_office'] },
    refuse: { from: ['pending'], to: 'refused', who: ['liaison_office'] },
  },
});
