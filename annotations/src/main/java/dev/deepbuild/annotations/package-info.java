/**
 * The DeepBuild DSL: annotations that describe a model the way Keras's Sequential API does.
 *
 * <pre>{@code
 * @Model(name = "iris", seed = 42)
 * @CsvData(resource = "iris.dat", label = 4, split = @Split(test = 0.2, validation = 0.2))
 * @Standardize
 * @Train(epochs = 60, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
 *        loss = CATEGORICAL_CROSSENTROPY)
 * @Threshold(metric = ACCURACY, min = 0.90)
 * class IrisClassifier {
 *     @Dense(units = 16, activation = RELU) Layer hidden;
 *     @Dropout(0.2) Layer drop;
 *     @Dense(units = 3, activation = SOFTMAX) Layer output;
 * }
 * }</pre>
 *
 * <p>Layers are the fields of the class in declaration order; the last one is the output layer and
 * takes the loss. The annotation processor checks the class at compile time and generates the DL4J
 * configuration; the Maven plugin's {@code dl:train} goal trains the model and gates the build on its
 * thresholds.
 */
package dev.deepbuild.annotations;
