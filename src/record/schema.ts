/**
 * JSON Schema (draft 2020-12) of the report record, contract version 1.1.
 * `npm run schema` writes it to schema/report-record.schema.json, the copy shipped for consumers;
 * a test keeps both equal to each other and to the shared contract.
 */
export const REPORT_RECORD_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'report-record/1.1',
  title: 'Report record',
  type: 'object',
  required: [
    'schemaVersion',
    'id',
    'source',
    'report',
    'scoreTables',
    'developmentLists',
    'anomalies',
    'status',
    'provenance',
  ],
  properties: {
    schemaVersion: {
      const: '1.1',
    },
    id: {
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
    },
    source: {
      type: 'object',
      required: ['fileName', 'format', 'bytes', 'sha256', 'pages', 'ocr'],
      properties: {
        fileName: {
          type: 'string',
        },
        format: {
          enum: ['markdown', 'docx', 'pdf', 'odt', 'doc', 'rtf', 'html', 'image', 'unknown'],
        },
        bytes: {
          type: 'integer',
          minimum: 0,
        },
        sha256: {
          type: 'string',
          pattern: '^[0-9a-f]{64}$',
        },
        pages: {
          type: ['integer', 'null'],
          minimum: 0,
        },
        ocr: {
          description:
            'null when every value came from text stored in the file; otherwise which pages were read by optical character recognition',
          oneOf: [
            {
              type: 'null',
            },
            {
              type: 'object',
              required: ['engine', 'pages', 'meanConfidence'],
              properties: {
                engine: {
                  type: 'string',
                },
                pages: {
                  type: 'array',
                  items: {
                    type: 'integer',
                    minimum: 1,
                  },
                },
                meanConfidence: {
                  type: 'number',
                  minimum: 0,
                  maximum: 1,
                },
              },
            },
          ],
        },
      },
    },
    report: {
      type: 'object',
      required: ['title', 'country', 'author', 'date', 'dateText'],
      properties: {
        title: {
          type: ['string', 'null'],
        },
        country: {
          oneOf: [
            {
              type: 'null',
            },
            {
              type: 'object',
              required: ['name', 'iso2', 'iso3'],
              properties: {
                name: {
                  type: 'string',
                },
                iso2: {
                  type: ['string', 'null'],
                  pattern: '^[A-Z]{2}$',
                },
                iso3: {
                  type: ['string', 'null'],
                  pattern: '^[A-Z]{3}$',
                },
              },
            },
          ],
        },
        author: {
          type: ['string', 'null'],
        },
        date: {
          type: ['string', 'null'],
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
        dateText: {
          type: ['string', 'null'],
        },
        language: {
          description: 'BCP 47 language of the report text, e.g. "en", "es"; null when unknown',
          type: ['string', 'null'],
        },
        profile: {
          description: 'id of the scorecard profile the report was read with, e.g. "caidp-aidv"',
          type: ['string', 'null'],
        },
      },
    },
    scoreTables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['section', 'subject', 'columns', 'rows', 'changes', 'commentary'],
        properties: {
          section: {
            type: ['string', 'null'],
          },
          subject: {
            type: ['string', 'null'],
          },
          columns: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          rows: {
            type: 'array',
            items: {
              type: 'object',
              required: ['year', 'answers', 'reportedTotal', 'computedTotal'],
              properties: {
                year: {
                  type: 'integer',
                },
                answers: {
                  type: 'object',
                  additionalProperties: {
                    enum: ['Y', 'P', 'N', null],
                  },
                },
                reportedTotal: {
                  type: ['number', 'null'],
                },
                computedTotal: {
                  type: 'number',
                },
              },
            },
          },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['column', 'fromYear', 'toYear', 'from', 'to'],
              properties: {
                column: {
                  type: 'string',
                },
                fromYear: {
                  type: 'integer',
                },
                toYear: {
                  type: 'integer',
                },
                from: {
                  enum: ['Y', 'P', 'N', null],
                },
                to: {
                  enum: ['Y', 'P', 'N', null],
                },
              },
            },
          },
          commentary: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
    },
    developmentLists: {
      type: 'array',
      items: {
        type: 'object',
        required: ['section', 'subject', 'items'],
        properties: {
          section: {
            type: ['string', 'null'],
          },
          subject: {
            type: ['string', 'null'],
          },
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: ['number', 'text', 'emphasis'],
              properties: {
                number: {
                  type: 'integer',
                },
                text: {
                  type: 'string',
                },
                emphasis: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
        },
      },
    },
    anomalies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'severity', 'message', 'path'],
        properties: {
          code: {
            type: 'string',
            pattern: '^[A-Z][A-Z0-9_]*$',
          },
          severity: {
            enum: ['error', 'warning', 'info'],
          },
          message: {
            type: 'string',
          },
          path: {
            type: ['string', 'null'],
          },
          expected: {},
          found: {},
        },
      },
    },
    status: {
      enum: ['ok', 'needs_review'],
    },
    provenance: {
      description: 'where each extracted value was found: keys are JSON Pointers into this record',
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          page: {
            type: 'integer',
            minimum: 1,
          },
          line: {
            type: 'integer',
            minimum: 1,
          },
          paragraph: {
            type: 'integer',
            minimum: 0,
          },
          box: {
            type: 'array',
            items: {
              type: 'number',
              minimum: 0,
              maximum: 1,
            },
            minItems: 4,
            maxItems: 4,
          },
          confidence: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
        },
      },
    },
  },
} as const;
